package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.server.JointureServer;
import io.jointure.server.ServerSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.junit.jupiter.api.Test;

/**
 * Twenty remote clients, each on its own connection, run fifty queries each at the same time
 * (cross-source aggregates with new values each time, and prepared cross-source lookups,
 * single-source joins and MongoDB aggregates run with new values): every answer
 * equals the native one, and afterwards the server holds no client connection and its source
 * connections are all idle in PostgreSQL, within the pool's size.
 */
class ConcurrentClientsTest extends SeedFixtureTest {
  private static final int CLIENTS = 20;
  private static final int QUERIES_PER_CLIENT = 50;
  private static final int VARIANTS = 40;
  private static final int POOL_SIZE = 8; // maxPoolSize's default

  /** Prepared once per client, run with a new value each time. */
  private static final String[] PREPARED = {
      "SELECT p.first_name, t.name FROM shop.people p JOIN crm.towns t ON t.id = p.town_id"
          + " WHERE p.id = ?",
      "SELECT t.name, m.full_name FROM crm.towns t LEFT JOIN crm.mayors m ON m.town_id = t.id"
          + " WHERE t.id = ?",
      "SELECT COUNT(*), MIN(first_name) FROM shop.people WHERE age > ?"};

  /** The value given to prepared statement {@code kind} in variant {@code k}. */
  private static int value(int kind, int k) {
    return switch (kind) {
      case 0 -> k * 73 + 1;
      case 1 -> k + 1;
      default -> k * 2;
    };
  }

  /** Prepared statement {@code kind} with its variant's value written in, for the native side. */
  private static String prepared(int kind, int k) {
    return PREPARED[kind].replace("?", Integer.toString(value(kind, k)));
  }

  /**
   * A cross-source aggregate with different values for each variant (one cached plan, its
   * literals bound as parameters).
   */
  private static String planned(int k) {
    return "SELECT t.name, COUNT(p.id), SUM(p.age) FROM crm.towns t"
        + " JOIN shop.people p ON p.town_id = t.id"
        + " WHERE t.id BETWEEN " + (k * 7) + " AND " + (k * 7 + 5)
        + " GROUP BY t.name ORDER BY t.name";
  }

  @Test
  void twentyClientsGetCorrectAnswersAndSourceConnectionsReturnToIdle(EmbeddedPostgres pg)
      throws Exception {
    Map<String, List<List<Object>>> expected = new HashMap<>();
    for (int k = 0; k < VARIANTS; k++) {
      for (int kind = 0; kind < PREPARED.length; kind++) {
        expected.put(prepared(kind, k), Jointure.rows(groundTruth, prepared(kind, k)));
      }
      expected.put(planned(k), Jointure.rows(groundTruth, planned(k)));
    }
    try (JointureServer server = JointureServer.start(ServerSettings.local(
        "jdbc:jointure:model=inline:" + SeedFixture.model(pg), 0))) {
      String url = server.avaticaJdbcUrl(Serialization.PROTOBUF);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int client = 0; client < CLIENTS; client++) {
        int id = client;
        results.add(clients.submit(runClient(id, url, start, expected)));
      }
      long began = System.nanoTime();
      start.countDown();
      int checked = 0;
      for (Future<Integer> result : results) {
        checked += result.get(5, TimeUnit.MINUTES);
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
      clients.shutdown();
      System.out.printf("ConcurrentClientsTest: %d clients x %d queries = %d answers checked in"
          + " %d ms (%.1f queries/s)%n", CLIENTS, QUERIES_PER_CLIENT, checked, millis,
          checked * 1000.0 / millis);
      assertEquals(CLIENTS * QUERIES_PER_CLIENT, checked);
      assertEquals(0, server.openConnections(), "client connections left open on the server");
    }
    assertSourceConnectionsIdle(pg);
  }

  private static Callable<Integer> runClient(int id, String url, CountDownLatch start,
      Map<String, List<List<Object>>> expected) {
    return () -> {
      start.await();
      int checked = 0;
      try (Connection remote = DriverManager.getConnection(url)) {
        PreparedStatement[] statements = new PreparedStatement[PREPARED.length];
        for (int kind = 0; kind < PREPARED.length; kind++) {
          statements[kind] = remote.prepareStatement(PREPARED[kind]);
        }
        for (int i = 0; i < QUERIES_PER_CLIENT; i++) {
          int k = (id * QUERIES_PER_CLIENT + i) % VARIANTS;
          int kind = (id + i) % (PREPARED.length + 1);
          if (kind < PREPARED.length) {
            statements[kind].setInt(1, value(kind, k));
            assertEquals(expected.get(prepared(kind, k)),
                Jointure.rows(statements[kind].executeQuery()),
                "client " + id + ": " + prepared(kind, k));
          } else {
            assertEquals(expected.get(planned(k)), Jointure.rows(remote, planned(k)),
                "client " + id + ": " + planned(k));
          }
          checked++;
        }
        for (PreparedStatement statement : statements) {
          statement.close();
        }
      }
      return checked;
    };
  }

  /** Jointure's connections to the fixture's databases: none busy, no more than the pools. */
  private static void assertSourceConnectionsIdle(EmbeddedPostgres pg) throws Exception {
    String sql = "SELECT datname, state, COUNT(*) FROM pg_stat_activity"
        + " WHERE application_name = 'Jointure' AND datname IN ('fx_crm', 'fx_shop')"
        + " GROUP BY datname, state ORDER BY datname, state";
    List<List<Object>> byState = List.of();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection admin = pg.connect("postgres")) {
      while (System.nanoTime() < deadline) {
        byState = Jointure.rows(admin, sql);
        if (byState.stream().allMatch(row -> "idle".equals(row.get(1)))) {
          break;
        }
        Thread.sleep(100);
      }
    }
    assertFalse(byState.isEmpty(), "the pools' connections are Jointure's (application_name)");
    for (List<Object> row : byState) {
      assertEquals("idle", row.get(1), "source connections not idle: " + byState);
      assertTrue(Integer.parseInt(row.get(2).toString()) <= POOL_SIZE,
          "more source connections than the pool allows: " + byState);
    }
    System.out.println("ConcurrentClientsTest: source connections afterwards " + byState);
  }

  /**
   * A query whose plan reads two tables of one source at the same time (a nested loop reading
   * its inner side while the outer one is open; a merge join of two sorted requests is another)
   * uses one connection for both: on a pool of one it answers, where it waited for a second
   * connection before (and, with every connection of a pool held by such queries, all of them waited until
   * the pool's timeout, 08001).
   */
  @Test
  void aQueryReadingTwoTablesOfOneSourceAtOnceUsesOneConnection(EmbeddedPostgres pg)
      throws Exception {
    String model = SeedFixture.model(pg).replace("    user: ", "    maxPoolSize: 1\n    user: ");
    String[][] queries = {
        {"SELECT t.name, c.name FROM crm.towns t JOIN crm.countries c"
            + " ON t.population > c.id * 1000 + char_length(c.name || t.name)"
            + " ORDER BY t.name, c.name", "EnumerableNestedLoopJoin"}};
    try (Connection c = Jointure.connect(model)) {
      for (String[] query : queries) {
        String plan = Jointure.rows(c, "EXPLAIN PLAN FOR " + query[0]).toString();
        assertTrue(plan.contains(query[1]) && plan.split("source=\\[crm]", -1).length == 3,
            "two crm requests open together: " + plan);
        long started = System.nanoTime();
        assertEquals(Jointure.rows(groundTruth, query[0]), Jointure.rows(c, query[0]));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5),
            "did not wait for the pool's second connection");
      }
    }
  }
}
