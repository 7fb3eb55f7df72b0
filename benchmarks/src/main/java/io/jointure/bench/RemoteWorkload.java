package io.jointure.bench;

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
 * A dashboard's load through the server: {@link #CLIENTS} remote clients, each running
 * {@link #QUERIES_PER_CLIENT} relation-view queries as fast as answers come. Printed: queries
 * per second, median and 95th percentile latency; once with the dashboard's few statements sent
 * again and again (as dashboards refresh), once with a different literal in every statement.
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
    try (JointureServer server = JointureServer.start(
        ServerSettings.local("jdbc:jointure:model=inline:" + model, 0))) {
      String url = server.jdbcUrl(Serialization.PROTOBUF);
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
      System.out.println("| remote workload (" + CLIENTS + " clients x " + QUERIES_PER_CLIENT
          + " queries) | queries/s | p50 ms | p95 ms |");
      System.out.println("|---|---|---|---|");
      measure(url, "dashboard statements sent again", i -> DASHBOARD[i % DASHBOARD.length]);
      measure(url, "a different literal in every statement", i -> i % 2 == 0
          ? "SELECT id, name, \"country.name\" FROM crm.towns_country WHERE id = " + (1 + i)
          : "SELECT p.name, t.name FROM shop.people p JOIN crm.towns t ON t.id = p.town_id"
              + " WHERE p._id = " + (1 + i * 7));
    }
  }

  private static void measure(String url, String label, IntFunction<String> statement)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        done.add(clients.submit(() -> {
          try (Connection connection = DriverManager.getConnection(url)) {
            for (int q = 0; q < QUERIES_PER_CLIENT; q++) {
              long begin = System.nanoTime();
              try (Statement s = connection.createStatement();
                   ResultSet rs = s.executeQuery(
                       statement.apply(client * QUERIES_PER_CLIENT + q))) {
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
