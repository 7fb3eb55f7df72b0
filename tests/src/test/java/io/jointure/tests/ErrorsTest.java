package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writes, bad SQL and a source that is down each get a clear error, and nothing is lost. */
@ExtendWith(PostgresExtension.class)
class ErrorsTest {
  private static Connection jointure;
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void connect(EmbeddedPostgres pg) throws Exception {
    SeedFixture.load(pg);
    postgres = pg;
    jointure = Jointure.connect(SeedFixture.model(pg));
  }

  @AfterAll
  static void close() throws Exception {
    jointure.close();
  }

  private static String error(Connection c, String sql) {
    SQLException e = assertThrows(SQLException.class, () -> {
      try (Statement s = c.createStatement()) {
        s.executeQuery(sql).close();
      }
    });
    return e.getMessage();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO crm.countries VALUES (9, 'X', 'XX')",
      "update crm.countries SET name = 'X'",
      "  -- a comment first\n DELETE FROM crm.countries",
      "CREATE TABLE crm.t (id int)",
      "DROP TABLE crm.countries",
  })
  void writesAreRefused(String sql) throws Exception {
    String message = error(jointure, sql);
    assertTrue(message.contains("Jointure is read-only"), message);
    assertEquals(List.of(List.of("4")),
        Jointure.rows(postgres.connect("fx_crm"), "SELECT COUNT(*) FROM countries"));
  }

  @Test
  void unknownColumnIsNamed() {
    String message = error(jointure, "SELECT nme FROM crm.towns");
    assertTrue(message.contains("Column 'nme' not found"), message);
  }

  @Test
  void preparedStatementErrorsGiveTheReasonToo() {
    SQLException e = assertThrows(SQLException.class,
        () -> jointure.prepareStatement("SELECT nme FROM crm.towns WHERE id = ?").close());
    assertTrue(e.getMessage().contains("Column 'nme' not found"), e.getMessage());
  }

  @Test
  void unknownTableIsNamed() {
    String message = error(jointure, "SELECT * FROM crm.townz");
    assertTrue(message.contains("Object 'townz' not found"), message);
  }

  @Test
  void syntaxErrorGivesThePosition() {
    String message = error(jointure, "SELECT FROM WHERE");
    assertTrue(message.contains("line 1, column"), message);
  }

  @Test
  void unquotedNamesMatchCaseInsensitively() throws Exception {
    assertEquals(Jointure.rows(jointure, "SELECT name FROM crm.countries ORDER BY id"),
        Jointure.rows(jointure, "SELECT NAME FROM CRM.Countries ORDER BY ID"));
  }

  @Test
  void queryTimeoutStopsTheSourceQuery() throws Exception {
    postgres.createDatabase("fx_slow");
    Jointure.execute(postgres, "fx_slow",
        "CREATE VIEW slow AS SELECT pg_sleep(60)::text AS slept");
    long start = System.nanoTime();
    try (Connection c = Jointure.connect(Jointure.model(postgres, "lazy", "fx_slow"));
         Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(
          "SELECT * FROM lazy.slow").next());
      assertTrue(e.getMessage().contains("datasource 'lazy'"), e.getMessage());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(seconds < 30, "stopped long before the 60 s sleep ended: " + seconds + " s");
    try (Connection c = postgres.connect("fx_slow"); Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE query LIKE"
          + " '%pg_sleep%' AND state = 'active' AND pid <> pg_backend_pid()");
      rs.next();
      assertEquals(0, rs.getInt(1), "no sleeping query left in PostgreSQL");
    }
  }

  @Test
  void aSourceThatIsDownFailsTheQueryNamingTheSource() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String model = SeedFixture.model(postgres) + """
          down:
            type: postgresql
            url: jdbc:postgresql://127.0.0.1:%d/nothing
            user: postgres
        """.formatted(closedPort);
    long start = System.nanoTime();
    try (Connection c = Jointure.connect(model)) {
      // Connecting is lazy: the model opens although one source is down.
      String message = error(c, "SELECT * FROM down.anything");
      assertTrue(message.contains("datasource 'down'"), message);
      assertTrue(message.contains("cannot connect"), message);
      // The other sources keep working on the same connection.
      assertEquals(List.of(List.of("4")), Jointure.rows(c, "SELECT COUNT(*) FROM crm.countries"));
    }
    assertTrue(System.nanoTime() - start < 60_000_000_000L, "fails within the source's timeout");
  }
}
