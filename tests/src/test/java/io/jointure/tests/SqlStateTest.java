package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.server.JointureServer;
import io.jointure.server.ServerSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of error carries PostgreSQL's SQLSTATE and a message that says what is wrong,
 * where and what was probably meant: embedded, through Jointure's remote driver and through
 * Avatica's own remote client (the same state, the message once). PostgreSQL's own state is the
 * reference where PostgreSQL would fail too.
 */
class SqlStateTest extends SeedFixtureTest {
  private static JointureServer server;

  @BeforeAll
  static void startServer(EmbeddedPostgres pg) throws Exception {
    server = JointureServer.start(ServerSettings.local(
        "jdbc:jointure:model=inline:" + SeedFixture.model(pg), 0));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** A statement, the SQLSTATE it fails with, and words its message must hold. */
  static Stream<Arguments> errors() {
    return Stream.of(
        error("SELECT name FROM crm.towns WHERE WHERE", "42601",
            "syntax error at or near \"WHERE\" (line 1, column 28)"),
        error("SELECT nme FROM crm.towns", "42703",
            "column \"nme\" does not exist (line 1, column 8); did you mean \"name\"?"),
        error("SELECT * FROM crm.townz", "42P01",
            "relation \"crm.townz\" does not exist (line 1, column 15); did you mean"
                + " \"crm.towns\"?"),
        error("SELECT date_trnc('month', founded) FROM crm.towns", "42883",
            "function date_trnc(text, date) does not exist (line 1, column 8); did you mean"
                + " \"date_trunc\"?"),
        error("SELECT id FROM crm.towns WHERE name", "42804", "WHERE clause must be a condition"),
        error("SELECT t.id FROM crm.towns t, crm.mayors m WHERE id = 3", "42702",
            "column reference \"id\" is ambiguous"),
        error("SELECT name, count(*) FROM crm.towns", "42803",
            "column \"name\" must appear in the GROUP BY clause"),
        error("SELECT 1 / (id - id) FROM crm.countries", "22012",
            "datasource 'crm': division by zero"),
        error("SELECT t.id / 0 FROM crm.towns t JOIN shop.people p ON p.town_id = t.id", "22012",
            "division by zero"),
        error("SELECT 'maybe'::boolean FROM crm.countries", "22P02",
            "invalid input syntax for type boolean: \"maybe\""),
        error("SELECT CAST(name AS integer) FROM crm.countries", "22P02", "invalid input syntax"),
        error("SELECT make_date(2024, 2, 30)", "22008",
            "date field value out of range: 2024-02-30"),
        error("SELECT date_trunc('fortnight', founded) FROM crm.towns t"
            + " JOIN shop.people p ON p.town_id = t.id", "22023",
            "unit \"fortnight\" not recognized"),
        error("SELECT founded + interval '1 year 2 days' * 2 FROM crm.towns", "0A000",
            "has months and days both"),
        error("INSERT INTO crm.countries VALUES (9, 'X', 'XX')", "25006",
            "Jointure is read-only: INSERT"));
  }

  private static Arguments error(String sql, String state, String message) {
    return Arguments.of(sql, state, message);
  }

  private static SQLException failure(Connection c, String sql) {
    return assertThrows(SQLException.class, () -> {
      try (Statement s = c.createStatement()) {
        s.executeQuery(sql).next();
      }
    });
  }

  @ParameterizedTest
  @MethodSource("errors")
  void embedded(String sql, String state, String message) {
    SQLException e = failure(jointure, sql);
    assertEquals(state, e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertFalse(e.getMessage().contains("Was expecting"), "no grammar dump: " + e.getMessage());
    assertTrue(e.getMessage().lines().count() <= 2, "one or two lines: " + e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("errors")
  void throughJointuresRemoteDriver(String sql, String state, String message) throws Exception {
    try (Connection remote = DriverManager.getConnection(
        server.jdbcUrl(Serialization.PROTOBUF))) {
      SQLException e = failure(remote, sql);
      assertStateAndMessageOnce(e, state, message);
      assertFalse(e.getMessage().startsWith("Error "), "no Avatica framing: " + e.getMessage());
    }
  }

  @ParameterizedTest
  @MethodSource("errors")
  void throughAvaticasRemoteDriver(String sql, String state, String message) throws Exception {
    try (Connection remote = DriverManager.getConnection(
        server.avaticaJdbcUrl(Serialization.JSON))) {
      assertStateAndMessageOnce(failure(remote, sql), state, message);
    }
  }

  /** A remote client gets the state, and the message once (no server framing repeating it). */
  private static void assertStateAndMessageOnce(SQLException e, String state, String message) {
    assertEquals(state, e.getSQLState(), e.getMessage());
    int first = e.getMessage().indexOf(message);
    assertTrue(first >= 0, e.getMessage());
    assertEquals(-1, e.getMessage().indexOf(message, first + 1),
        "the message once: " + e.getMessage());
  }

  /** The states PostgreSQL itself gives the statements it would refuse too. */
  @Test
  void statesAreThoseOfPostgres() throws Exception {
    List<String> differing = new ArrayList<>();
    for (Arguments arguments : errors().toList()) {
      String sql = ((String) arguments.get()[0]).replace("crm.", "").replace("shop.", "");
      if (sql.startsWith("INSERT") || sql.contains("interval '1 year 2 days' * 2")) {
        continue; // PostgreSQL writes, and takes mixed intervals as one value
      }
      String postgres;
      try (Statement s = groundTruth.createStatement()) {
        s.execute("SET search_path = crm, shop");
        s.executeQuery(sql).next();
        postgres = "no error";
      } catch (SQLException e) {
        postgres = e.getSQLState();
      }
      if (!postgres.equals(arguments.get()[1])) {
        differing.add(sql + ": PostgreSQL " + postgres + ", Jointure " + arguments.get()[1]);
      }
    }
    assertEquals(List.of(), differing);
  }

  @Test
  void connectionsAreReadOnlyAndTakeEveryConnectSetting() throws Exception {
    for (Connection c : List.of(jointure,
        DriverManager.getConnection(server.jdbcUrl(Serialization.PROTOBUF)))) {
      assertTrue(c.isReadOnly());
      assertDoesNotThrow(() -> {
        c.setReadOnly(false);
        c.setAutoCommit(false);
        c.setAutoCommit(true);
        c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        c.setCatalog("anything");
        c.setSchema("crm");
      });
      assertTrue(c.isReadOnly());
      assertEquals(List.of(List.of("4")), Jointure.rows(c, "SELECT COUNT(*) FROM crm.countries"));
    }
  }
}
