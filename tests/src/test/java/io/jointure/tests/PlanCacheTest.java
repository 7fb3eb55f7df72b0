package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jointure.adapter.request.SourceRequest;
import io.jointure.demo.EmbeddedPostgres;
import io.jointure.jdbc.PlanCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A statement whose text was planned before runs the plan already made, on any connection to the
 * same model: the same rows as PostgreSQL, the same requests to the sources, and no planning. A
 * model that differs plans anew; one plan serves many runs at once.
 */
class PlanCacheTest extends SeedFixtureTest {
  private static EmbeddedPostgres postgres;
  private static final String QUERY = "SELECT t.name, count(*) AS people, avg(p.age)"
      + " FROM crm.towns t JOIN shop.people p ON p.town_id = t.id"
      + " WHERE t.population > 50000 GROUP BY t.name ORDER BY t.name";

  @BeforeAll
  static void keep(EmbeddedPostgres pg) {
    postgres = pg;
  }

  private static long hits() {
    return PlanCache.shared().hits();
  }

  private static long misses() {
    return PlanCache.shared().misses();
  }

  @Test
  void aStatementRunAgainUsesItsPlanOnEveryConnectionOfTheModel() throws Exception {
    String sql = QUERY + " /* plan cache test */";
    List<List<Object>> expected = Jointure.rows(groundTruth, sql);
    assertFalse(expected.isEmpty());
    long misses = misses();
    Jointure.clearRequests(jointure, "crm", "shop");
    assertEquals(expected, Jointure.rows(jointure, sql));
    assertEquals(misses + 1, misses(), "planned once");
    List<SourceRequest> planned = new ArrayList<>(Jointure.requests(jointure, "crm"));
    planned.addAll(Jointure.requests(jointure, "shop"));

    long hits = hits();
    try (Connection other = Jointure.connect(SeedFixture.model(postgres))) {
      Jointure.clearRequests(other, "crm", "shop");
      assertEquals(expected, Jointure.rows(other, sql));
      assertEquals(hits + 1, hits(), "another connection of the model runs the same plan");
      assertEquals(misses + 1, misses());
      List<SourceRequest> cached = new ArrayList<>(Jointure.requests(other, "crm"));
      cached.addAll(Jointure.requests(other, "shop"));
      assertEquals(planned, cached, "the same requests, with the same rows");
    }
  }

  @Test
  void aModelThatDiffersPlansAnew() throws Exception {
    String sql = QUERY + " /* another model */";
    Jointure.rows(jointure, sql);
    long misses = misses();
    String changed = SeedFixture.model(postgres) + "\n# a comment changes nothing\n";
    long hits = hits();
    try (Connection same = Jointure.connect(changed)) {
      Jointure.rows(same, sql);
      assertEquals(misses, misses(), "the same model, written differently");
      assertEquals(hits + 1, hits());
    }
    String withRelation = SeedFixture.model(postgres) + "collections:\n  crm.towns:\n"
        + "    relations:\n      country: { type: ManyToOne, foreignCollection: crm.countries,"
        + " foreignKey: country_id }\n";
    try (Connection other = Jointure.connect(withRelation)) {
      assertEquals(Jointure.rows(groundTruth, sql), Jointure.rows(other, sql));
      assertEquals(misses + 1, misses(), "another model has its own plans");
    }
  }

  /** Clients sending a new statement at the same moment (a dashboard opening) plan it once. */
  @Test
  void aStatementSentByManyClientsAtOnceIsPlannedOnce() throws Exception {
    String sql = QUERY + " /* many clients at once */";
    List<List<Object>> expected = Jointure.rows(groundTruth, sql);
    int clients = 8;
    List<Connection> connections = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      connections.add(Jointure.connect(SeedFixture.model(postgres)));
    }
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    CountDownLatch start = new CountDownLatch(1);
    long misses = misses();
    long hits = hits();
    try {
      List<Future<List<List<Object>>>> runs = new ArrayList<>();
      for (Connection c : connections) {
        runs.add(threads.submit(() -> {
          start.await();
          return Jointure.rows(c, sql);
        }));
      }
      start.countDown();
      for (Future<List<List<Object>>> run : runs) {
        assertEquals(expected, run.get());
      }
      assertEquals(misses + 1, misses(), "planned once");
      assertEquals(hits + clients - 1, hits(), "the others waited for that plan");
    } finally {
      threads.shutdown();
      for (Connection c : connections) {
        c.close();
      }
    }
  }

  /** One cached plan run by many threads at once, each with its own parameter. */
  @Test
  void onePlanServesConcurrentRunsWithTheirOwnParameters() throws Exception {
    String sql = "SELECT p.first_name, t.name FROM shop.people p JOIN crm.towns t"
        + " ON t.id = p.town_id WHERE p.id = ?";
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try (Connection first = Jointure.connect(SeedFixture.model(postgres));
         PreparedStatement planned = first.prepareStatement(sql)) {
      long hits = hits();
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int id = 1 + i * 71;
        runs.add(threads.submit(() -> {
          try (Connection c = Jointure.connect(SeedFixture.model(postgres));
               PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, id);
            return Jointure.rows(s.executeQuery()).equals(Jointure.rows(groundTruth,
                sql.replace("?", Integer.toString(id))));
          }
        }));
      }
      for (Future<Boolean> run : runs) {
        assertEquals(true, run.get());
      }
      assertEquals(hits + 40, hits(), "every run after the first planning used its plan");
    } finally {
      threads.shutdown();
    }
  }
}
