package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.pgwire.PgServer;
import io.jointure.pgwire.PgServerSettings;
import io.jointure.pgwire.auth.PgUsers;
import io.jointure.server.PostgresProtocol;
import io.jointure.server.ServerSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jointure's PostgreSQL protocol server as pgjdbc, a client Jointure did not write, sees it:
 * results of relation views and cross-source joins equal native PostgreSQL's over the same data,
 * through simple, extended and server-prepared binary queries, fetch-size streaming, cancel,
 * session commands, SCRAM logins and TLS.
 */
@ExtendWith(PostgresExtension.class)
class PgProtocolTest {
  static final String RELATIONS = """
      collections:
        crm.towns:
          relations:
            country: { type: ManyToOne, foreignCollection: crm.countries, foreignKey: country_id }
      """;
  private static EmbeddedPostgres postgres;
  private static PgServer server;
  private static Connection groundTruth;

  @BeforeAll
  static void start(EmbeddedPostgres pg) throws Exception {
    postgres = pg;
    SeedFixture.load(pg);
    pg.createDatabase("pgw_slow");
    Jointure.execute(pg, "pgw_slow", "CREATE VIEW slow AS SELECT pg_sleep(60)::text AS slept;");
    server = PgServer.start(PgServerSettings.local(modelUrl(), 0));
    groundTruth = pg.connect("fx_all");
  }

  @AfterAll
  static void stop() throws SQLException {
    server.close();
    groundTruth.close();
  }

  static String modelUrl() {
    return "jdbc:jointure:model=inline:" + Jointure.model(postgres, "crm", "fx_crm", "shop",
        "fx_shop", "slowpg", "pgw_slow") + RELATIONS;
  }

  static Connection pgjdbc(PgServer to, String options) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + to.port()
        + "/anything?user=analyst" + options);
  }

  @Test
  void relationViewsAndCrossSourceJoinsAnswerAsNativePostgres() throws Exception {
    String view = "SELECT id, name, \"country.name\" FROM crm.towns_country ORDER BY id";
    String truth = "SELECT t.id, t.name, c.name FROM crm.towns t"
        + " LEFT JOIN crm.countries c ON c.id = t.country_id ORDER BY t.id";
    String join = "SELECT c.name, COUNT(p.id) AS people, AVG(p.age) AS age FROM crm.countries c"
        + " JOIN crm.towns t ON t.country_id = c.id JOIN shop.people p ON p.town_id = t.id"
        + " WHERE t.population > 5000 GROUP BY c.name ORDER BY c.name";
    try (Connection c = pgjdbc(server, "")) {
      List<List<Object>> expected = Jointure.rows(groundTruth, truth);
      assertEquals(300, expected.size());
      assertEquals(expected, Jointure.rows(c, view));
      List<List<Object>> joined = Jointure.rows(groundTruth, join);
      assertFalse(joined.isEmpty());
      assertEquals(joined, Jointure.rows(c, join));
    }
    try (Connection simple = pgjdbc(server, "&preferQueryMode=simple")) {
      assertEquals(Jointure.rows(groundTruth, join), Jointure.rows(simple, join));
    }
  }

  /**
   * A statement run past pgjdbc's prepareThreshold is a named server statement whose values come
   * in binary; with prepareThreshold=-1 they do from the first run. Every type a BI tool reads
   * (integers, numeric, double, date, boolean, text) decodes to what PostgreSQL sends.
   */
  @Test
  void serverPreparedStatementsInBinaryAnswerAsNative() throws Exception {
    String sql = "SELECT t.id, t.name, t.population, t.founded, CAST(t.population AS BIGINT) AS big,"
        + " CAST(t.population AS DOUBLE PRECISION) / 3 AS third,"
        + " CAST(t.population AS NUMERIC(12,2)) / 7 AS share, t.population > 50000 AS large,"
        + " c.code FROM crm.towns t JOIN crm.countries c ON c.id = t.country_id"
        + " WHERE t.country_id = ? AND t.population > ? ORDER BY t.id";
    for (String options : List.of("", "&prepareThreshold=-1")) {
      try (Connection c = pgjdbc(server, options);
           PreparedStatement jointure = c.prepareStatement(sql);
           PreparedStatement truth = groundTruth.prepareStatement(sql)) {
        for (int run = 0; run < 8; run++) {
          int country = 1 + run % 3;
          int population = run * 5000;
          jointure.setInt(1, country);
          jointure.setInt(2, population);
          truth.setInt(1, country);
          truth.setInt(2, population);
          List<List<Object>> expected;
          try (ResultSet rs = truth.executeQuery()) {
            expected = Jointure.rows(rs);
          }
          assertFalse(expected.isEmpty());
          try (ResultSet rs = jointure.executeQuery()) {
            assertEquals(expected, Jointure.rows(rs), "run " + run + options);
          }
        }
      }
    }
  }

  /**
   * Arrays, of literals (Calcite hands them over as primitive arrays) and of a source's
   * column, come as PostgreSQL sends them, in text and in binary.
   */
  @Test
  void arraysAnswerAsNative() throws Exception {
    String sql = "SELECT ARRAY[1, 2, 3] AS ints, ARRAY['a', 'b c'] AS words, t.id FROM crm.towns t"
        + " WHERE t.id = ?";
    for (String options : List.of("", "&prepareThreshold=-1")) {
      // pgjdbc shows a binary array otherwise than a text one: the truth is read the same way.
      try (Connection c = pgjdbc(server, options); PreparedStatement jointure = c.prepareStatement(sql);
           Connection nativeDb = DriverManager.getConnection(postgres.jdbcUrl("fx_all")
               + options.replaceFirst("&", "?"), EmbeddedPostgres.USER, "");
           PreparedStatement truth = nativeDb.prepareStatement(sql)) {
        jointure.setInt(1, 7);
        truth.setInt(1, 7);
        try (ResultSet expected = truth.executeQuery(); ResultSet actual = jointure.executeQuery()) {
          assertTrue(expected.next() && actual.next());
          for (int column = 1; column <= 2; column++) {
            assertEquals(expected.getString(column), actual.getString(column), options);
            assertEquals(List.of((Object[]) expected.getArray(column).getArray()),
                List.of((Object[]) actual.getArray(column).getArray()), options);
          }
        }
        // the session goes on
        assertEquals(300, count(c, "SELECT COUNT(*) FROM crm.towns"));
      }
    }
  }

  /** With autocommit off and a fetch size, pgjdbc reads a large result in portions. */
  @Test
  void fetchSizeReadsALargeResultInPortions() throws Exception {
    String sql = "SELECT p.id, p.first_name, t.name FROM shop.people p"
        + " JOIN crm.towns t ON t.id = p.town_id ORDER BY p.id";
    List<List<Object>> expected = Jointure.rows(groundTruth, sql);
    try (Connection c = pgjdbc(server, "")) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.setFetchSize(100);
        try (ResultSet rs = s.executeQuery(sql)) {
          // Another statement while the first result is read in portions: its portal lives on.
          List<List<Object>> rows = new ArrayList<>();
          for (int i = 0; i < 150 && rs.next(); i++) {
            rows.add(List.of(rs.getLong(1), rs.getString(2), rs.getString(3)));
          }
          assertEquals(300, count(c, "SELECT COUNT(*) FROM crm.towns"));
          while (rs.next()) {
            rows.add(List.of(rs.getLong(1), rs.getString(2), rs.getString(3)));
          }
          assertEquals(expected.toString(), rows.toString());
        }
      }
      c.commit();
      assertEquals(Jointure.rows(groundTruth, "SELECT COUNT(*) FROM crm.towns"),
          Jointure.rows(c, "SELECT COUNT(*) FROM crm.towns"));
    }
  }

  /** Statement.cancel() sends a CancelRequest: the query stops with 57014, in PostgreSQL too. */
  @Test
  void cancelStopsTheRunningQuery() throws Exception {
    try (Connection c = pgjdbc(server, ""); Statement s = c.createStatement()) {
      ExecutorService canceller = Executors.newSingleThreadExecutor();
      try {
        long start = System.nanoTime();
        Future<?> cancel = canceller.submit(() -> {
          Thread.sleep(1500);
          s.cancel();
          return null;
        });
        SQLException stopped = assertThrows(SQLException.class,
            () -> s.executeQuery("SELECT slept FROM slowpg.slow"));
        cancel.get(10, TimeUnit.SECONDS);
        assertEquals("57014", stopped.getSQLState(), stopped.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20));
      } finally {
        canceller.shutdownNow();
      }
      assertEquals(300, count(c, "SELECT COUNT(*) FROM crm.towns"));
      assertEquals(0, sleeping(), "pg_sleep left running in PostgreSQL");
    }
  }

  static long count(Connection c, String sql) throws SQLException {
    return Long.parseLong(Jointure.rows(c, sql).get(0).get(0).toString());
  }

  static long sleeping() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long count;
    do {
      try (Connection admin = postgres.connect("postgres")) {
        count = Long.parseLong(Jointure.rows(admin, "SELECT COUNT(*) FROM pg_stat_activity"
            + " WHERE datname = 'pgw_slow' AND wait_event = 'PgSleep'").get(0).get(0).toString());
      }
      if (count > 0) {
        Thread.sleep(100);
      }
    } while (count > 0 && System.nanoTime() < deadline);
    return count;
  }

  /** What clients send about the session itself is answered as PostgreSQL answers it. */
  @Test
  void sessionCommandsAsClientsSendThem() throws Exception {
    try (Connection c = pgjdbc(server, "&ApplicationName=report"); Statement s = c.createStatement()) {
      assertEquals(List.of(List.of("report")), Jointure.rows(c, "SHOW application_name"));
      s.execute("SET application_name = 'dashboard'");
      assertEquals(List.of(List.of("dashboard")), Jointure.rows(c, "SHOW application_name"));
      assertEquals(List.of(List.of("dashboard")), Jointure.rows(c, "SELECT setting FROM"
          + " pg_catalog.pg_settings WHERE name = 'application_name'"));
      assertEquals(List.of(List.of("dashboard", "160004")), Jointure.rows(c, "SELECT"
          + " current_setting('application_name'), current_setting('server_version_num')"));
      SQLException setting = assertThrows(SQLException.class,
          () -> s.execute("SELECT current_setting('no_such_setting')"));
      assertEquals("42704", setting.getSQLState());
      assertEquals("16.4", Jointure.rows(c, "SHOW server_version").get(0).get(0));
      s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
      s.execute("SET extra_float_digits = 3");
      c.setAutoCommit(false);
      assertEquals(300, count(c, "SELECT COUNT(*) FROM crm.towns"));
      c.commit();
      c.setAutoCommit(true);
      SQLException write = assertThrows(SQLException.class,
          () -> s.execute("INSERT INTO crm.towns (id, name) VALUES (1000, 'x')"));
      assertEquals("25006", write.getSQLState());
      SQLException unknown = assertThrows(SQLException.class, () -> s.execute("SHOW nothing_such"));
      assertEquals("42704", unknown.getSQLState());
      SQLException bad = assertThrows(SQLException.class, () -> s.execute("SELECT nope FROM crm.towns"));
      assertEquals("42703", bad.getSQLState());
      assertTrue(bad.getMessage().contains("Position: 8"), bad.getMessage());
      s.execute("DISCARD ALL");
      assertEquals(List.of(List.of("")), Jointure.rows(c, "SHOW application_name"));
      // In a failed transaction, statements wait for ROLLBACK (25P02), as in PostgreSQL.
      c.setAutoCommit(false);
      assertThrows(SQLException.class, () -> s.execute("SELECT nope FROM crm.towns"));
      SQLException aborted = assertThrows(SQLException.class,
          () -> s.execute("SELECT 1 FROM crm.towns"));
      assertEquals("25P02", aborted.getSQLState());
      c.rollback();
      assertEquals(300, count(c, "SELECT COUNT(*) FROM crm.towns"));
    }
  }

  /** With a users file, logins are SCRAM-SHA-256: the right password in, a wrong one out. */
  @Test
  void scramLoginsWithTheUsersFile() throws Exception {
    PgServerSettings settings = PgServerSettings.local(modelUrl(), 0)
        .withUsers(PgUsers.of(Map.of("ana", "s3cret".toCharArray())));
    try (PgServer secured = PgServer.start(settings)) {
      String url = "jdbc:postgresql://127.0.0.1:" + secured.port() + "/crm";
      try (Connection c = DriverManager.getConnection(url, "ana", "s3cret")) {
        assertEquals(300, count(c, "SELECT COUNT(*) FROM crm.towns"));
        // The logged-in user is the session's, as tools check it before listing privileges.
        assertEquals(List.of(List.of("ana", "ana")), Jointure.rows(c,
            "SELECT current_user, session_user"));
        assertEquals(List.of(List.of("ana")), Jointure.rows(c,
            "SELECT rolname FROM pg_catalog.pg_roles WHERE rolname = current_user"));
      }
      SQLException wrong = assertThrows(SQLException.class,
          () -> DriverManager.getConnection(url, "ana", "wrong"));
      assertEquals("28P01", wrong.getSQLState(), wrong.getMessage());
      SQLException nobody = assertThrows(SQLException.class,
          () -> DriverManager.getConnection(url, "bob", "s3cret"));
      assertEquals("28P01", nobody.getSQLState(), nobody.getMessage());
      // An unknown user is refused whatever the password, also the stand-in verifier's.
      for (String password : List.of("?", "s3cret")) {
        SQLException unknown = assertThrows(SQLException.class,
            () -> DriverManager.getConnection(url, "mallory", password));
        assertEquals("28P01", unknown.getSQLState(), unknown.getMessage());
      }
    }
  }

  /** The server's keystore serves TLS on SSLRequest; without one, sslmode=require is refused. */
  @Test
  void tlsWithTheServersKeystore(@TempDir Path dir) throws Exception {
    TestKeystore created = TestKeystore.create(dir);
    Path keystore = created.file();
    String password = created.password();
    ServerSettings settings = ServerSettings.local(modelUrl(), 0)
        .withTls(new ServerSettings.Tls(keystore, password));
    String tls = "&sslmode=require&sslfactory=org.postgresql.ssl.NonValidatingFactory";
    try (PgServer secured = PostgresProtocol.start(settings, 0);
         Connection c = pgjdbc(secured, tls)) {
      assertEquals(300, count(c, "SELECT COUNT(*) FROM crm.towns"));
    }
    SQLException plain = assertThrows(SQLException.class, () -> pgjdbc(server, tls));
    assertTrue(plain.getMessage().contains("does not support SSL"), plain.getMessage());
  }

  /** 50 clients at once, 100 queries each: every answer right, the pools idle afterwards. */
  @Test
  void fiftyConcurrentClients() throws Exception {
    String sql = "SELECT COUNT(*), SUM(p.age) FROM shop.people p JOIN crm.towns t"
        + " ON t.id = p.town_id WHERE t.population > ";
    Map<Integer, List<List<Object>>> expected = new java.util.HashMap<>();
    for (int i = 0; i < 10; i++) {
      expected.put(i, Jointure.rows(groundTruth, sql + i * 9000));
    }
    ExecutorService clients = Executors.newFixedThreadPool(50);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int client = 0; client < 50; client++) {
        int seed = client;
        results.add(clients.submit(() -> {
          int right = 0;
          try (Connection c = pgjdbc(server, "")) {
            for (int q = 0; q < 100; q++) {
              int literal = (seed + q) % 10;
              if (expected.get(literal).equals(Jointure.rows(c, sql + literal * 9000))) {
                right++;
              }
            }
          }
          return right;
        }));
      }
      for (Future<Integer> result : results) {
        assertEquals(100, result.get(5, TimeUnit.MINUTES));
      }
    } finally {
      clients.shutdownNow();
    }
    try (Connection admin = postgres.connect("postgres")) {
      assertEquals(0, count(admin, "SELECT COUNT(*) FROM"
          + " pg_stat_activity WHERE datname IN ('fx_crm', 'fx_shop') AND state <> 'idle'"));
    }
  }

}
