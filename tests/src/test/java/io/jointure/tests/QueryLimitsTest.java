package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.sun.net.httpserver.HttpServer;
import io.jointure.adapter.sql.SourceSchema;
import io.jointure.demo.EmbeddedPostgres;
import io.jointure.jdbc.JointureDriver;
import io.jointure.model.Model;
import io.jointure.model.ModelBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.jdbc.CalciteConnection;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Timeouts, cancel and the memory limit stop a query with SQLSTATE 57014 or 53200, whatever
 * it is doing: a join in the executor that would run for hours, PostgreSQL busy in a statement
 * or in fetching its next rows, a REST API that does not answer (one request or many side by
 * side), a Java computed field still computing. (MongoDB stops itself at the deadline through
 * maxTimeMS; the stand-in server here cannot be made slow.) The sources' work stops too (no statement left in PostgreSQL, HTTP requests
 * aborted), pooled connections are back in their pools, and the connection answers the next
 * query.
 */
@ExtendWith({PostgresExtension.class, MongoExtension.class})
class QueryLimitsTest {
  /** Billions of comparisons in Jointure's executor: hours, unless stopped. */
  private static final String THETA_JOIN = "SELECT count(*) FROM pg.numbers x, mg.items y"
      + " WHERE x.n + y.n < 0";
  /** Seconds past the deadline that count as stopped; the queries would run for minutes. */
  private static final double GRACE_SECONDS = 4;

  private static EmbeddedPostgres postgres;
  private static HttpServer api;
  private static final AtomicInteger slowAnswersAborted = new AtomicInteger();
  private static final AtomicInteger slowRequests = new AtomicInteger();
  private static String model;

  @BeforeAll
  static void start(EmbeddedPostgres pg, MongoExtension.TestMongo mongo) throws Exception {
    postgres = pg;
    pg.createDatabase("ql_source");
    Jointure.execute(pg, "ql_source", """
        CREATE VIEW numbers AS SELECT g AS n FROM generate_series(1, 10000000) g;
        CREATE VIEW slow AS SELECT pg_sleep(60)::text AS slept;
        CREATE VIEW slow_later AS SELECT g AS n,
          CASE WHEN g > 2500 THEN pg_sleep(60)::text END AS slept
          FROM generate_series(1, 5000) g;
        CREATE TABLE keys (id int PRIMARY KEY);
        INSERT INTO keys SELECT generate_series(1, 20);
        """);
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      var items = client.getDatabase("ql_items").getCollection("items");
      items.drop();
      List<Document> documents = new ArrayList<>();
      for (int i = 1; i <= 3000; i++) {
        documents.add(new Document("_id", i).append("n", i));
      }
      items.insertMany(documents);
    }
    api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.setExecutor(Executors.newCachedThreadPool());
    // An API that starts answering and never finishes: a space every 100 ms for a minute. A
    // client that aborts the request makes the next write fail.
    api.createContext("/slow", exchange -> {
      slowRequests.incrementAndGet();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream body = exchange.getResponseBody()) {
        for (int i = 0; i < 600; i++) {
          body.write(' ');
          body.flush();
          Thread.sleep(100);
        }
        body.write("[]".getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        slowAnswersAborted.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    api.start();
    model = """
        version: 1
        datasources:
          pg: { type: postgresql, url: "%s", user: %s }
          mg: { type: mongodb, uri: "%s", database: ql_items }
          api:
            type: rest
            baseUrl: "http://127.0.0.1:%d"
            timeoutSeconds: 120
            maxConcurrency: 4
            collections:
              slow: { path: /slow, schema: { id: INTEGER, v: VARCHAR } }
              slow_by_id:
                path: /slow
                schema: { id: INTEGER, v: VARCHAR }
                filters: { id: { parameter: id } }
        """.formatted(pg.jdbcUrl("ql_source"), EmbeddedPostgres.USER, mongo.uri(),
        api.getAddress().getPort());
  }

  @AfterAll
  static void stop() {
    api.stop(0);
  }

  private static Connection connect(String... properties) throws SQLException {
    Properties info = new Properties();
    info.setProperty("model", "inline:" + model);
    for (int i = 0; i < properties.length; i += 2) {
      info.setProperty(properties[i], properties[i + 1]);
    }
    return java.sql.DriverManager.getConnection("jdbc:jointure:", info);
  }

  /** Runs a query expected to fail; returns the failure and checks it came in time. */
  private static SQLException failsWithin(Statement statement, String sql, double seconds) {
    long start = System.nanoTime();
    SQLException e = assertThrows(SQLException.class, () -> {
      try (ResultSet rs = statement.executeQuery(sql)) {
        while (rs.next()) {
          // read everything
        }
      }
    });
    double took = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s stopped after %.2f s: %s%n", sql, took, e.getMessage());
    assertTrue(took < seconds + GRACE_SECONDS, sql + " stopped after " + took + " s");
    return e;
  }

  private static int busyConnections(Connection connection) throws SQLException {
    return connection.unwrap(CalciteConnection.class).getRootSchema().subSchemas().get("pg")
        .unwrap(SourceSchema.class).source().busyConnections();
  }

  /** The connection works on: a query after the stopped one answers as PostgreSQL does. */
  private static void answersNext(Connection connection) throws SQLException {
    assertEquals("[[20]]", Jointure.rows(connection,
        "SELECT count(*) FROM pg.numbers WHERE n <= 20").toString());
    assertEquals(0, busyConnections(connection), "pooled connections back in the pool");
  }

  private static int sleepingStatements() throws SQLException {
    try (Connection c = postgres.connect("ql_source"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state ="
             + " 'active' AND pid <> pg_backend_pid() AND datname = 'ql_source'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void aTimeoutStopsAJoinRunningInTheExecutor() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      SQLException e = failsWithin(s, THETA_JOIN, 2);
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("statement timeout")
          && e.getMessage().contains("2 s"), e.getMessage());
      assertEquals(0, busyConnections(c), "the outer source's connection is back in its pool");
      assertEquals(0, sleepingStatements(), "nothing left running in PostgreSQL");
      // The same statement runs its next query.
      assertEquals("[[20]]", Jointure.rows(s.executeQuery(
          "SELECT count(*) FROM pg.keys")).toString());
      answersNext(c);
    }
  }

  @Test
  void cancelFromAnotherThreadStopsTheQuery() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      Thread canceller = new Thread(() -> {
        try {
          Thread.sleep(1500);
          s.cancel();
        } catch (Exception ignored) {
          // the assertion below fails instead
        }
      });
      canceller.start();
      SQLException e = failsWithin(s, THETA_JOIN, 1.5);
      canceller.join();
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("user request"), e.getMessage());
      assertEquals(0, busyConnections(c));
      // A cancel stops the query running then, not the statement's next one.
      assertEquals("[[20]]", Jointure.rows(s.executeQuery(
          "SELECT count(*) FROM pg.keys")).toString());
      answersNext(c);
    }
  }

  @Test
  void aTimeoutCancelsTheStatementInPostgres() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      SQLException e = failsWithin(s, "SELECT * FROM pg.slow", 1);
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("statement timeout"), e.getMessage());
      assertEquals(0, sleepingStatements(), "pg_sleep cancelled in PostgreSQL");
      answersNext(c);
    }
  }

  /**
   * A statement that returned its first rows and is slow to give the next: pgjdbc's statement
   * cancel no longer reaches it, the connection's cancel does.
   */
  @Test
  void aTimeoutStopsPostgresWhileItFetchesTheNextRows() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      SQLException e = failsWithin(s, "SELECT n, slept FROM pg.slow_later", 2);
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertEquals(0, sleepingStatements(), "pg_sleep cancelled in PostgreSQL");
      answersNext(c);
    }
  }

  @Test
  void cancelReachesPostgres() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      Thread canceller = new Thread(() -> {
        try {
          Thread.sleep(1000);
          s.cancel();
        } catch (Exception ignored) {
          // the assertion below fails instead
        }
      });
      canceller.start();
      SQLException e = failsWithin(s, "SELECT * FROM pg.slow", 1);
      canceller.join();
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("user request"), e.getMessage());
      assertEquals(0, sleepingStatements(), "pg_sleep cancelled in PostgreSQL");
      answersNext(c);
    }
  }

  @Test
  void aTimeoutAbortsAnHttpRequestThatDoesNotFinish() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      int aborted = slowAnswersAborted.get();
      SQLException e = failsWithin(s, "SELECT * FROM api.slow", 1);
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("statement timeout"), e.getMessage());
      waitFor(() -> slowAnswersAborted.get() > aborted, "the API saw the request aborted");
      answersNext(c);
    }
  }

  @Test
  void aTimeoutStopsRequestsSentSideBySide() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      int requests = slowRequests.get();
      int aborted = slowAnswersAborted.get();
      // One request per key, four at a time (maxConcurrency): a key-list join fanning out.
      SQLException e = failsWithin(s, "SELECT k.id, a.v FROM pg.keys k JOIN api.slow_by_id a"
          + " ON a.id = k.id", 2);
      assertEquals("57014", e.getSQLState(), e.getMessage());
      int sent = slowRequests.get() - requests;
      assertTrue(sent >= 1 && sent <= 4, sent + " requests sent, at most 4 at once");
      waitFor(() -> slowAnswersAborted.get() - aborted >= sent,
          "every request in flight aborted");
      answersNext(c);
    }
  }

  @Test
  void aTimeoutStopsAJavaComputedFieldStillComputing() throws Exception {
    Model withField = ModelBuilder.fromYaml("java model", model)
        .customizeCollection("pg.keys", keys -> keys.addField("slow_double", "INTEGER",
            List.of("id"), rows -> {
              try {
                Thread.sleep(120_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return rows.stream().map(r -> (Object) 0).toList();
            }))
        .build();
    try (Connection c = JointureDriver.connect(withField, new Properties());
         Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      SQLException e = failsWithin(s, "SELECT id, slow_double FROM pg.keys", 1);
      assertEquals("57014", e.getSQLState(), e.getMessage());
      answersNext(c);
    }
  }

  /** {@code queryTimeoutSeconds} in the model is every statement's timeout; a property wins. */
  @Test
  void theModelAndTheConnectionSetADefaultTimeout() throws Exception {
    String saved = model;
    model = "queryTimeoutSeconds: 1\n" + saved;
    try (Connection c = connect(); Statement s = c.createStatement()) {
      SQLException e = failsWithin(s, "SELECT * FROM pg.slow", 1);
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("1 s"), e.getMessage());
    } finally {
      model = saved;
    }
    model = "queryTimeoutSeconds: 1\n" + saved;
    try (Connection c = connect("queryTimeoutSeconds", "2"); Statement s = c.createStatement()) {
      assertEquals(2, s.getQueryTimeout(), "the connection property wins over the model");
      SQLException e = failsWithin(s, THETA_JOIN, 2);
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("2 s"), e.getMessage());
    } finally {
      model = saved;
    }
    SQLException e = assertThrows(SQLException.class,
        () -> connect("queryTimeoutSeconds", "soon").close());
    assertEquals("22023", e.getSQLState(), e.getMessage());
  }

  /**
   * Past {@code maxMemory} a query fails with 53200 naming the limit; the rows it kept are
   * released and the connection answers the next query. A bad value fails the connection.
   */
  @Test
  void theMemoryLimitFailsAQueryThatKeepsTooManyRows() throws Exception {
    try (Connection c = connect("maxMemory", "32KB"); Statement s = c.createStatement()) {
      // The nested loop keeps its inner side, MongoDB's 3,000 rows: more than 32 KB.
      SQLException e = failsWithin(s, THETA_JOIN, 60);
      assertEquals("53200", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("32 KB") && e.getMessage().contains("maxMemory"),
          e.getMessage());
      assertEquals(0, busyConnections(c));
      answersNext(c);
      // Under the limit, the same kind of query answers as PostgreSQL does.
      String fewer = "SELECT count(*) FROM pg.keys k, mg.items y WHERE k.id + y.n < 30"
          + " AND y.n <= 100";
      String native_ = "SELECT count(*) FROM generate_series(1, 20) k, generate_series(1, 100) n"
          + " WHERE k + n < 30";
      try (Connection pg = postgres.connect("ql_source")) {
        assertEquals(Jointure.rows(pg, native_).toString(), Jointure.rows(c, fewer).toString());
      }
    }
    SQLException e = assertThrows(SQLException.class,
        () -> connect("maxMemory", "lots").close());
    assertEquals("22023", e.getSQLState(), e.getMessage());
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    for (int i = 0; i < 50 && !condition.getAsBoolean(); i++) {
      Thread.sleep(100);
    }
    assertTrue(condition.getAsBoolean(), what);
  }
}
