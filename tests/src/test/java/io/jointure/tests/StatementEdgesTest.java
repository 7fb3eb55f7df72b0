package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Statements that once went wrong in pushed SQL: comparisons in GROUP BY, date and time
 * parameters, "optional filter" parameters, and unique keys on nullable columns.
 */
@ExtendWith(PostgresExtension.class)
class StatementEdgesTest {
  private static Connection jointure;
  private static Connection native_;

  @BeforeAll
  static void connect(EmbeddedPostgres pg) throws Exception {
    pg.createDatabase("fx_edges");
    Jointure.execute(pg, "fx_edges", """
        CREATE TABLE events (id int PRIMARY KEY, name text, email text UNIQUE, day date,
          happened_at timestamp, amount int);
        INSERT INTO events VALUES
          (1, 'a', 'a@x', '2024-01-01', '2024-01-01 10:00:00', 5),
          (2, 'b', NULL, '2024-01-02', '2024-01-02 11:30:00', 50),
          (3, 'c', NULL, '2024-01-02', '2024-01-03 12:00:00', 500),
          (4, 'd', 'd@x', NULL, NULL, NULL);
        ANALYZE;
        """);
    jointure = Jointure.connect(Jointure.model(pg, "ev", "fx_edges"));
    native_ = pg.connect("fx_edges");
  }

  @AfterAll
  static void close() throws Exception {
    jointure.close();
    native_.close();
  }

  private static void sameRows(String sql) throws Exception {
    assertEquals(Jointure.rows(native_, sql), Jointure.rows(jointure, sql.replace(
        "FROM events", "FROM ev.events")), sql);
  }

  @Test
  void comparisonsInGroupBy() throws Exception {
    sameRows("SELECT amount > 20 AS big, COUNT(*) FROM events GROUP BY amount > 20"
        + " ORDER BY 1 NULLS FIRST");
    sameRows("SELECT CASE WHEN amount > 20 THEN 'big' ELSE 'small' END, COUNT(*) FROM events"
        + " GROUP BY CASE WHEN amount > 20 THEN 'big' ELSE 'small' END ORDER BY 1");
  }

  @Test
  void closingAConnectionReleasesItsOpenResults(EmbeddedPostgres pg) throws Exception {
    String model = Jointure.model(pg, "ev", "fx_edges");
    // More abandoned results than the source's pool has connections (8).
    for (int i = 0; i < 12; i++) {
      Connection c = Jointure.connect(model);
      ResultSet rs = c.createStatement().executeQuery("SELECT id FROM events ORDER BY id");
      assertTrue(rs.next());
      c.close(); // the statement and its result are left open, as many tools do
    }
    try (Statement s = native_.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
             + " WHERE datname = 'fx_edges' AND state = 'idle in transaction'")) {
      assertTrue(rs.next());
      assertEquals(0, rs.getInt(1), "no source connection is left inside a query");
    }
    try (Connection c = Jointure.connect(model)) {
      assertEquals(4, Jointure.rows(c, "SELECT id FROM events").size());
    }
  }

  @Test
  void windowFunctions() throws Exception {
    sameRows("SELECT email, COUNT(*) OVER () AS total FROM events ORDER BY email NULLS FIRST");
    sameRows("SELECT email, ROW_NUMBER() OVER (ORDER BY amount, email) AS n FROM events"
        + " ORDER BY n");
  }

  @Test
  void nullableUniqueColumnsAreNoKeys() throws Exception {
    sameRows("SELECT DISTINCT email FROM events ORDER BY email NULLS FIRST");
    sameRows("SELECT email, COUNT(*) FROM events GROUP BY email ORDER BY email NULLS FIRST");
  }

  @Test
  void dateAndTimestampParameters() throws Exception {
    try (PreparedStatement ps = jointure.prepareStatement(
        "SELECT id FROM ev.events WHERE \"day\" = ? OR happened_at > ? ORDER BY id")) {
      ps.setDate(1, Date.valueOf("2024-01-01"));
      ps.setTimestamp(2, Timestamp.valueOf("2024-01-03 00:00:00"));
      try (ResultSet rs = ps.executeQuery()) {
        assertEquals(List.of(List.of("1"), List.of("3")), Jointure.rows(rs));
      }
    }
  }

  @Test
  void optionalFilterParameters() throws Exception {
    String sql = "SELECT id FROM ev.events WHERE (? IS NULL OR name = ?) ORDER BY id";
    try (PreparedStatement ps = jointure.prepareStatement(sql)) {
      ps.setString(1, "b");
      ps.setString(2, "b");
      try (ResultSet rs = ps.executeQuery()) {
        assertEquals(List.of(List.of("2")), Jointure.rows(rs));
      }
      ps.setNull(1, Types.VARCHAR);
      ps.setNull(2, Types.VARCHAR);
      try (ResultSet rs = ps.executeQuery()) {
        assertEquals(4, Jointure.rows(rs).size());
      }
    }
  }
}
