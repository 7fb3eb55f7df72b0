package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.adapter.request.SourceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQL as BI tools generate it (Metabase, Superset, Tableau, Grafana) and as PostgreSQL users
 * type it ({@code bi-corpus.sql}), over PostgreSQL, MongoDB, an HTTP API and across them: each
 * answer equals PostgreSQL's on the same data in one database, and where the corpus says so,
 * the PostgreSQL source received the statement's work as one request in PostgreSQL's SQL
 * ({@code date_trunc} reaching PostgreSQL) and returned only the answer's rows.
 */
class BiCorpusTest extends BiFixtureTest {
  private static final List<String> SOURCES = List.of("sales", "crm", "shop", "billing");

  /**
   * One statement of the corpus, with what its sources must have received (compared ignoring
   * case: PostgreSQL reads {@code DATE_TRUNC} as {@code date_trunc}).
   */
  record Entry(String name, String sql, List<String[]> sends, List<String> whole) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Entry> corpus() throws IOException {
    List<Entry> entries = new ArrayList<>();
    String text;
    try (InputStream in = BiCorpusTest.class.getResourceAsStream("/bi-corpus.sql")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String name = null;
    List<String[]> sends = new ArrayList<>();
    List<String> whole = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.startsWith("-- ") && sql.isEmpty()) {
        String comment = line.substring(3).trim();
        if (comment.startsWith("sends: ")) {
          String[] parts = comment.substring("sends: ".length()).split(": ", 2);
          sends.add(parts);
        } else if (comment.startsWith("whole: ")) {
          whole.add(comment.substring("whole: ".length()).trim());
        } else if (name == null || !comment.isEmpty()) {
          name = comment;
        }
      } else if (!line.isBlank() && name != null) {
        sql.append(line).append('\n');
        if (line.trim().endsWith(";")) {
          String statement = sql.toString().trim();
          entries.add(new Entry(name, statement.substring(0, statement.length() - 1),
              List.copyOf(sends), List.copyOf(whole)));
          name = null;
          sends.clear();
          whole.clear();
          sql.setLength(0);
        }
      } else if (line.isBlank() && sql.isEmpty()) {
        name = null;
        sends.clear();
        whole.clear();
      }
    }
    return entries.stream();
  }

  /**
   * Intervals in an answer read as PostgreSQL prints them (its drivers' text), whether a source
   * or Jointure computed them; and they take part in arithmetic, comparisons and extract.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "SELECT id, ordered_at - timestamp '2023-01-01 00:00' AS waited FROM sales.orders"
          + " WHERE id <= 12 ORDER BY id",
      "SELECT _id, at - timestamp '2023-01-01 00:00' AS since, (at - timestamp '2023-01-01')"
          + " + interval '1 day 2 hours' AS later FROM shop.events WHERE _id <= 12 ORDER BY _id",
      "SELECT o.id, o.ordered_at - c.signup AS since_signup FROM sales.orders o"
          + " JOIN crm.customers c ON c.id = o.customer_id WHERE o.id <= 12 ORDER BY o.id",
      "SELECT id, issued - timestamp '2023-01-01 12:00' AS since,"
          + " extract(epoch FROM issued - timestamp '2023-01-01') AS seconds,"
          + " issued - timestamp '2023-01-01' > interval '30 days' AS late"
          + " FROM billing.invoices WHERE customer_id <= 8 ORDER BY id",
      "SELECT interval '1 year 2 months' AS ym, interval '2 hours 30 minutes' AS hm,"
          + " interval '3 days' * 2 AS six",
  })
  void intervalsReadAsPostgresPrintsThem(String sql) throws Exception {
    assertEquals(texts(groundTruth, sql), texts(jointure, sql), sql);
  }

  private static List<List<String>> texts(Connection c, String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          Object value = rs.getObject(i);
          row.add(value instanceof Number || value instanceof Boolean
              ? String.valueOf(Jointure.normalize(value)) : rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void theCorpusHasSixtyStatementsAtLeast() throws IOException {
    long statements = corpus().count();
    assertTrue(statements >= 60, "statements in the corpus: " + statements);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void answersAsPostgresDoes(Entry entry) throws Exception {
    Jointure.clearRequests(jointure, SOURCES.toArray(String[]::new));
    List<List<Object>> actual = Jointure.rows(jointure, entry.sql());
    List<List<Object>> expected = Jointure.rows(groundTruth, entry.sql());
    if (!entry.sql().toUpperCase(Locale.ROOT).contains("ORDER BY")) {
      Comparator<List<Object>> byText = Comparator.comparing(Object::toString);
      actual.sort(byText);
      expected.sort(byText);
    }
    assertEquals(expected, actual, entry.sql());
    for (String[] send : entry.sends()) {
      List<SourceRequest> requests = Jointure.requests(jointure, send[0]);
      assertEquals(1, requests.size(), () -> send[0] + " received " + requests);
      assertTrue(requests.get(0).text().toLowerCase(Locale.ROOT)
              .contains(send[1].toLowerCase(Locale.ROOT)),
          () -> send[0] + " received " + requests.get(0).text() + ", not " + send[1]);
    }
    for (String source : entry.whole()) {
      List<SourceRequest> requests = Jointure.requests(jointure, source);
      assertEquals(1, requests.size(), () -> source + " received " + requests);
      assertEquals(actual.size(), requests.get(0).rows(),
          () -> source + " returned more rows than the answer: " + requests.get(0));
    }
  }
}
