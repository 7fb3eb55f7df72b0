package io.jointure.bench;

import io.jointure.pgwire.PgServer;
import io.jointure.pgwire.PgServerSettings;
import io.jointure.server.JointureServer;
import io.jointure.server.ServerSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.apache.calcite.avatica.remote.Driver.Serialization;

/**
 * A dashboard's load through the servers: {@link #CLIENTS} remote clients, each running
 * {@link #QUERIES_PER_CLIENT} relation-view queries as fast as answers come. Printed: queries
 * per second, median and 95th percentile latency; once with the dashboard's few statements sent
 * again and again (as dashboards refresh), once with a different literal in every statement;
 * through Avatica and through PostgreSQL's protocol (pgjdbc), and 50 PostgreSQL clients x 100.
 * Then one client's latency per query, embedded against each protocol: what a protocol adds.
 */
final class RemoteWorkload {
  static final int CLIENTS = 20;
  static final int QUERIES_PER_CLIENT = 50;

  private static final String[] DASHBOARD = {
      "SELECT id, name, \"country.name\" FROM crm.towns_country WHERE id = 77",
      "SELECT p.name, t.name FROM shop.people p JOIN crm.towns t ON t.id = p.town_id"
          + " WHERE p._id = 4242",
      "SELECT COUNT(*), SUM(o.amount) FROM sales.orders o JOIN crm.towns t ON t.id = o.town_id"
          + " WHERE t.name = 'Town 77'",
      "SELECT id, name, \"country.name\" FROM crm.towns_country ORDER BY name LIMIT 20",
  };

  private RemoteWorkload() {
  }

  static void run(String model) throws Exception {
    String embedded = "jdbc:jointure:model=inline:" + model;
    try (JointureServer server = JointureServer.start(ServerSettings.local(embedded, 0));
         PgServer pg = PgServer.start(PgServerSettings.local(embedded, 0))) {
      String url = server.jdbcUrl(Serialization.PROTOBUF);
      String pgUrl = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/bench?user=bench";
      warmUp(pgUrl);
      // Warm-up, not measured: the server's code paths compiled, the dashboard planned once.
      try (Connection connection = DriverManager.getConnection(url);
           Statement s = connection.createStatement()) {
        for (int i = 0; i < 3; i++) {
          for (String sql : DASHBOARD) {
            try (ResultSet rs = s.executeQuery(sql)) {
              while (rs.next()) {
                // read the answer
              }
            }
          }
        }
      }
      System.out.println();
      System.out.println("| remote workload (clients x queries) | queries/s | p50 ms | p95 ms |");
      System.out.println("|---|---|---|---|");
      IntFunction<String> repeated = i -> DASHBOARD[i % DASHBOARD.length];
      IntFunction<String> varying = i -> i % 2 == 0
          ? "SELECT id, name, \"country.name\" FROM crm.towns_country WHERE id = " + (1 + i)
          : "SELECT p.name, t.name FROM shop.people p JOIN crm.towns t ON t.id = p.town_id"
              + " WHERE p._id = " + (1 + i * 7);
      measure(url, "Avatica: dashboard statements sent again", repeated, CLIENTS,
          QUERIES_PER_CLIENT);
      measure(url, "Avatica: a different literal in every statement", varying, CLIENTS,
          QUERIES_PER_CLIENT);
      measure(pgUrl, "PostgreSQL protocol: dashboard statements sent again", repeated, CLIENTS,
          QUERIES_PER_CLIENT);
      measure(pgUrl, "PostgreSQL protocol: a different literal in every statement", varying,
          CLIENTS, QUERIES_PER_CLIENT);
      measure(pgUrl, "PostgreSQL protocol: 50 clients x 100, literals varying", varying, 50, 100);
      System.out.println();
      System.out.println("| one client, " + SEQUENTIAL + " runs of a selective lookup"
          + " | mean ms | x embedded |");
      System.out.println("|---|---|---|");
      double base = sequential(embedded);
      System.out.printf("| embedded driver | %.2f | 1.00 |%n", base);
      double avatica = sequential(url);
      System.out.printf("| Avatica (protobuf) | %.2f | %.2f |%n", avatica, avatica / base);
      double simple = sequential(pgUrl + "&preferQueryMode=simple");
      System.out.printf("| PostgreSQL protocol, simple query | %.2f | %.2f |%n", simple,
          simple / base);
      double extended = sequential(pgUrl);
      System.out.printf("| PostgreSQL protocol, extended query (pgjdbc's default) | %.2f | %.2f |%n",
          extended, extended / base);
    }
  }

  private static final int SEQUENTIAL = 300;

  private static void warmUp(String url) throws Exception {
    for (int i = 0; i < 2; i++) {
      sequential(url);
    }
  }

  /** Mean milliseconds of one client's lookup, run again and again. */
  private static double sequential(String url) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
         Statement s = connection.createStatement()) {
      long start = System.nanoTime();
      for (int i = 0; i < SEQUENTIAL; i++) {
        try (ResultSet rs = s.executeQuery(DASHBOARD[0])) {
          while (rs.next()) {
            // read the answer
          }
        }
      }
      return (System.nanoTime() - start) / 1e6 / SEQUENTIAL;
    }
  }

  private static void measure(String url, String label, IntFunction<String> statement,
      int clientCount, int queriesPerClient) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(clientCount);
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clientCount; c++) {
        int client = c;
        done.add(clients.submit(() -> {
          try (Connection connection = DriverManager.getConnection(url)) {
            for (int q = 0; q < queriesPerClient; q++) {
              long begin = System.nanoTime();
              try (Statement s = connection.createStatement();
                   ResultSet rs = s.executeQuery(
                       statement.apply(client * queriesPerClient + q))) {
                while (rs.next()) {
                  // read the answer
                }
              }
              latencies.add((System.nanoTime() - begin) / 1e6);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      clients.shutdown();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Double> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf("| %s | %.1f | %.0f | %.0f |%n", label, sorted.size() / seconds,
        sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.95)));
  }
}
