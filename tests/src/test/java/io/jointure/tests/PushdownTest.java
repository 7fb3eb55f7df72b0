package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.adapter.request.SourceRequest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Work on one source runs inside it: each query's rows equal the same SQL run natively, and the
 * one request the source received is the expected SQL, with values bound as parameters.
 */
class PushdownTest extends SeedFixtureTest {
  /** Runs {@code sql} both ways, checks equal rows, and returns the crm requests. */
  private static SourceRequest onlyRequest(String sql) throws Exception {
    Jointure.clearRequests(jointure, "crm", "shop");
    List<List<Object>> actual = Jointure.rows(jointure, sql);
    assertEquals(Jointure.rows(groundTruth, sql), actual, sql);
    List<SourceRequest> requests = Jointure.requests(jointure, "crm");
    assertEquals(1, requests.size(), () -> "one request to crm, got " + requests);
    assertEquals(actual.size(), requests.get(0).rows(), "rows fetched = rows answered");
    return requests.get(0);
  }

  @Test
  void filterAndProjection() throws Exception {
    SourceRequest r = onlyRequest(
        "SELECT name, population FROM crm.towns WHERE population > 50000 AND country_id = 2"
            + " ORDER BY id");
    assertTrue(r.text().startsWith("SELECT \"name\", \"population\""), r.text());
    assertTrue(r.text().contains(" FROM \"public\".\"towns\" WHERE "), r.text());
    // The values travel as bind parameters (typed as their columns: the statement's literals
    // are the parameters of its cached plan).
    assertTrue(r.text().matches(".*\"population\" > (\\?|CAST\\(\\? AS INTEGER\\)).*")
        && r.text().matches(".*\"country_id\" = (\\?|CAST\\(\\? AS INTEGER\\)).*"), r.text());
    assertEquals(List.of(50000L, 2L), r.parameters().stream()
        .map(v -> ((Number) v).longValue()).toList());
  }

  /**
   * A semi-join (IN, EXISTS) and an anti-join (NOT EXISTS) over one source run in it as one
   * statement, only the answer's rows coming back; a semi-join was read as both whole sides and
   * joined in Jointure before.
   */
  @Test
  void semiAndAntiJoinsRunInTheSource() throws Exception {
    SourceRequest in = onlyRequest("SELECT name FROM crm.countries WHERE id IN"
        + " (SELECT country_id FROM crm.towns WHERE population > 90000) ORDER BY id");
    assertTrue(in.text().contains("WHERE EXISTS (SELECT"), in.text());
    SourceRequest notExists = onlyRequest("SELECT t.id FROM crm.towns t WHERE NOT EXISTS"
        + " (SELECT 1 FROM crm.mayors m WHERE m.town_id = t.id) AND t.population < 20000"
        + " ORDER BY t.id");
    assertTrue(notExists.text().contains("\"mayors\""), notExists.text());
  }

  @Test
  void valuesNeverBecomeSqlText() throws Exception {
    SourceRequest r = onlyRequest("SELECT id FROM crm.countries WHERE name = 'O''Brien Land'"
        + " OR name LIKE '%''; DROP TABLE towns; --'");
    assertFalse(r.text().contains("Brien"), r.text());
    assertFalse(r.text().contains("DROP"), r.text());
    assertTrue(r.parameters().contains("O'Brien Land"), r.parameters().toString());
  }

  @Test
  void statementParametersReachTheSourceAsParameters() throws Exception {
    Jointure.clearRequests(jointure, "crm");
    String sql = "SELECT name FROM crm.towns WHERE id = ? OR name = ? ORDER BY id";
    List<List<Object>> actual;
    try (PreparedStatement ps = jointure.prepareStatement(sql)) {
      ps.setInt(1, 7);
      ps.setString(2, "Town 9");
      try (ResultSet rs = ps.executeQuery()) {
        actual = Jointure.rows(rs);
      }
    }
    assertEquals(List.of(List.of("Town 7"), List.of("Town 9")), actual);
    SourceRequest r = Jointure.requests(jointure, "crm").get(0);
    assertTrue(r.parameters().containsAll(List.of(7, "Town 9")), r.parameters().toString());
    assertFalse(r.text().contains("Town"), r.text());
  }

  @Test
  void inListAndBetweenAndNullTests() throws Exception {
    SourceRequest r = onlyRequest("SELECT id FROM crm.towns WHERE id IN (3, 5, 8, 13)"
        + " OR (population BETWEEN 100 AND 2000 AND country_id IS NULL) ORDER BY id");
    assertFalse(r.text().contains("13"), r.text());
    assertTrue(r.parameters().containsAll(List.of(3L, 5L, 8L, 13L)), r.parameters().toString());
  }

  /** {@code = ANY (ARRAY[...])}, as clients write an IN list, reaches the source as one. */
  @Test
  void quantifiedComparisonsWithAWrittenArray() throws Exception {
    SourceRequest any = onlyRequest("SELECT id FROM crm.countries"
        + " WHERE name = ANY (ARRAY['France', 'Italy']) ORDER BY id");
    assertTrue(any.text().contains(" IN (?, ?)"), any.text());
    assertTrue(any.parameters().containsAll(List.of("France", "Italy")),
        any.parameters().toString());
    SourceRequest all = onlyRequest("SELECT id FROM crm.towns"
        + " WHERE id <> ALL (ARRAY[3, 5, 8]) AND id < 20 ORDER BY id");
    assertTrue(all.text().contains("NOT IN (?, ?, ?)"), all.text());
  }

  @Test
  void postgresHabitsWork() throws Exception {
    SourceRequest r = onlyRequest("SELECT \"name\", upper(code) || '-' || id FROM crm.countries"
        + " WHERE name ILIKE 'f%' OR name ILIKE '%AI%' ORDER BY name LIMIT 5");
    assertTrue(r.text().contains("ILIKE ?"), r.text());
  }

  @Test
  void sortLimitOffset() throws Exception {
    SourceRequest r = onlyRequest(
        "SELECT id, name FROM crm.towns ORDER BY population DESC, id LIMIT 5 OFFSET 10");
    assertTrue(r.text().contains("ORDER BY \"population\" DESC"), r.text());
    assertTrue(r.text().contains("OFFSET 10 ROWS") && r.text().contains("FETCH NEXT 5 ROWS ONLY"),
        r.text());
  }

  @Test
  void aggregates() throws Exception {
    SourceRequest r = onlyRequest("SELECT country_id, COUNT(*), COUNT(DISTINCT population % 7),"
        + " SUM(population), MIN(name), MAX(founded), AVG(population)"
        + " FROM crm.towns GROUP BY country_id ORDER BY country_id");
    assertTrue(r.text().contains("GROUP BY \"country_id\""), r.text());
    assertTrue(r.text().contains("COUNT(DISTINCT"), r.text());
  }

  @Test
  void joinWithinOneDatabase() throws Exception {
    SourceRequest r = onlyRequest("SELECT t.name, c.name FROM crm.towns t"
        + " JOIN crm.countries c ON c.id = t.country_id WHERE c.code = 'ES' ORDER BY t.id");
    assertTrue(r.text().contains("JOIN"), r.text());
    assertTrue(r.parameters().contains("ES"), r.parameters().toString());
  }

  @Test
  void aggregateOverAJoinWithinOneDatabase() throws Exception {
    SourceRequest r = onlyRequest("SELECT c.name, COUNT(*), SUM(t.population) FROM crm.towns t"
        + " JOIN crm.countries c ON c.id = t.country_id GROUP BY c.name ORDER BY c.name");
    assertTrue(r.text().contains("JOIN") && r.text().contains("GROUP BY")
        && r.text().contains("ORDER BY"), r.text());
  }

  @Test
  void thePlannerSeesRealRowCounts() throws Exception {
    try (Statement s = jointure.createStatement();
         ResultSet rs = s.executeQuery("EXPLAIN PLAN INCLUDING ALL ATTRIBUTES FOR"
             + " SELECT * FROM crm.towns")) {
      assertTrue(rs.next());
      String plan = rs.getString(1);
      assertTrue(plan.contains("SourceTableScan(table=[[crm, towns]]): rowcount = 300.0"), plan);
    }
  }

  @Test
  void explainShowsTheSqlEachSourceReceives() throws Exception {
    try (Statement s = jointure.createStatement();
         ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR SELECT name FROM crm.towns"
             + " WHERE population > 1000")) {
      assertTrue(rs.next());
      String plan = rs.getString(1);
      assertTrue(plan.contains("source=[crm], sql=[SELECT \"name\" FROM \"public\".\"towns\""
          + " WHERE \"population\" > ?], parameters=[[1000]]"), plan);
    }
  }
}
