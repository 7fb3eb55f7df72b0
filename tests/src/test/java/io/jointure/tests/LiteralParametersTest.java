package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.adapter.request.SourceRequest;
import io.jointure.demo.EmbeddedPostgres;
import io.jointure.jdbc.PlanCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Statements that differ only in the values they compare columns with (a dashboard's filter)
 * run one cached plan, each with its own values: the same rows as PostgreSQL, each value pushed
 * to its source as a bound value, and no planning after the first. A value the column's type
 * cannot hold exactly is planned as written; a value that makes the driving side of a key-list
 * join larger than planned for has the probe read whole instead of asked key by key.
 */
class LiteralParametersTest extends BiFixtureTest {
  private static long misses() {
    return PlanCache.shared().misses();
  }

  private static SourceRequest onlyRequest(String source) throws Exception {
    List<SourceRequest> requests = Jointure.requests(jointure, source);
    assertEquals(1, requests.size(), requests.toString());
    return requests.get(0);
  }

  @Test
  void valuesOfOneStatementShareItsPlanAndReachTheirSource() throws Exception {
    String sql = "SELECT e._id, e.kind, c.name FROM shop.events e"
        + " JOIN crm.customers c ON c.id = e.customer_id WHERE e.count = %d"
        + " AND e.kind <> 'none' ORDER BY e._id";
    long misses = misses();
    for (int count = 0; count <= 5; count++) {
      String statement = sql.formatted(count);
      List<List<Object>> expected = Jointure.rows(groundTruth, statement);
      assertFalse(expected.isEmpty());
      Jointure.clearRequests(jointure, "shop", "crm");
      assertEquals(expected, Jointure.rows(jointure, statement), statement);
      SourceRequest events = onlyRequest("shop");
      assertTrue(events.text().contains("\"count\": " + count), events.toString());
      assertEquals(expected.size(), events.rows(), "only the matching events came back");
    }
    assertEquals(misses + 1, misses(), "six values, one plan");
  }

  @Test
  void aValueItsColumnCannotHoldIsPlannedAsWritten() throws Exception {
    String sql = "SELECT _id FROM shop.events WHERE count %s ORDER BY _id";
    Jointure.rows(jointure, sql.formatted("< 3"));
    Jointure.rows(jointure, sql.formatted("> 3"));
    long misses = misses();
    // 2.5 is no integer: bound to the integer plan it would become 2 or 3.
    for (String condition : List.of("< 2.5", "> 2.5")) {
      String statement = sql.formatted(condition);
      assertEquals(Jointure.rows(groundTruth, statement), Jointure.rows(jointure, statement),
          statement);
    }
    assertEquals(misses + 2, misses(), "each planned with its literal");
  }

  @Test
  void datesAndTimestampsBecomeParametersToo() throws Exception {
    String sql = "SELECT id, amount FROM sales.orders WHERE shipped_on >= DATE '%s'"
        + " AND ordered_at < TIMESTAMP '%s 12:00:00' AND status = '%s' ORDER BY id";
    long misses = misses();
    String[][] values = {{"2023-03-01", "2023-09-01", "paid"}, {"2023-06-15", "2024-01-01",
        "open"}, {"2023-01-01", "2023-04-30", "void"}};
    for (String[] v : values) {
      String statement = sql.formatted(v[0], v[1], v[2]);
      List<List<Object>> expected = Jointure.rows(groundTruth, statement);
      assertFalse(expected.isEmpty(), statement);
      Jointure.clearRequests(jointure, "sales");
      assertEquals(expected, Jointure.rows(jointure, statement), statement);
      SourceRequest orders = onlyRequest("sales");
      assertEquals(expected.size(), orders.rows(), "filtered in PostgreSQL: " + orders);
      assertTrue(orders.parameters().toString().contains(v[2]), orders.toString());
    }
    assertEquals(misses + 1, misses(), "three sets of values, one plan");
  }

  /**
   * One cached plan, a key-list join from MongoDB's events to PostgreSQL's customers: a value
   * selecting few events asks PostgreSQL for their customers only; a value selecting every event
   * has the customers read whole, once, instead of sending nearly every key.
   */
  @Test
  void theDrivingSidesActualSizeChoosesKeysOrAWholeRead() throws Exception {
    String sql = "SELECT e._id, c.name FROM shop.events e JOIN crm.customers c"
        + " ON c.id = e.customer_id WHERE e.count >= %d AND e.value >= 0 AND e.kind <> 'none'"
        + " ORDER BY e._id";
    String plan = Jointure.rows(jointure, "EXPLAIN PLAN FOR " + sql.formatted(4)).toString();
    assertTrue(plan.contains("key list from left") && plan.contains("readsProbeWholePast"), plan);
    long misses = misses();
    String few = sql.formatted(5); // 50 events of 10 customers
    List<List<Object>> fewExpected = Jointure.rows(groundTruth, few);
    Jointure.clearRequests(jointure, "crm");
    assertEquals(fewExpected, Jointure.rows(jointure, few));
    SourceRequest byKeys = onlyRequest("crm");
    assertTrue(byKeys.text().contains("ANY"), "asked for the keys: " + byKeys);
    assertTrue(byKeys.rows() < BiFixture.CUSTOMERS / 2, byKeys.toString());

    String every = sql.formatted(0); // 300 events of all 60 customers
    List<List<Object>> everyExpected = Jointure.rows(groundTruth, every);
    Jointure.clearRequests(jointure, "crm");
    assertEquals(everyExpected, Jointure.rows(jointure, every));
    SourceRequest whole = onlyRequest("crm");
    assertFalse(whole.text().contains("ANY"), "read whole: " + whole);
    assertEquals(BiFixture.CUSTOMERS, whole.rows());
    assertEquals(misses + 1, misses(), "both values ran the plan made for the first");
  }

  @Test
  void aStatementParameterReachesMongoDb() throws Exception {
    String sql = "SELECT _id FROM shop.events WHERE kind = ? ORDER BY _id";
    try (PreparedStatement statement = jointure.prepareStatement(sql)) {
      for (String kind : List.of("click", "buy")) {
        statement.setString(1, kind);
        Jointure.clearRequests(jointure, "shop");
        List<List<Object>> rows = Jointure.rows(statement.executeQuery());
        assertEquals(Jointure.rows(groundTruth, sql.replace("?", "'" + kind + "'")), rows);
        SourceRequest events = onlyRequest("shop");
        assertTrue(events.text().contains("\"kind\": \"" + kind + "\""), events.toString());
        assertEquals(rows.size(), events.rows());
      }
    }
  }

  /**
   * Literals outside conditions stay in the text: a CASE grouped by is written twice in the
   * source's SQL, and two parameters would be two expressions to PostgreSQL.
   */
  @Test
  void anExpressionGroupedByKeepsItsLiterals() throws Exception {
    String sql = "SELECT CASE WHEN amount > 500 THEN 'big' ELSE 'small' END AS size, count(*)"
        + " FROM sales.orders WHERE status <> 'void' GROUP BY 1 ORDER BY 1";
    assertEquals(Jointure.rows(groundTruth, sql), Jointure.rows(jointure, sql));
  }

  /**
   * Text compared with an enum, inet or citext column (Jointure shows them as VARCHAR) still
   * compares as PostgreSQL compares a literal: the value binds with the column's type.
   */
  @Test
  void textAgainstEnumInetAndCitextColumns(EmbeddedPostgres pg) throws Exception {
    String setup = "CREATE TYPE mood AS ENUM ('happy', 'sad');"
        + " CREATE TABLE feelings (id int PRIMARY KEY, m mood, ip inet, email text);"
        + " INSERT INTO feelings VALUES (1, 'happy', '10.0.0.1', 'Bob@x.com'),"
        + " (2, 'sad', '10.0.0.2', 'ann@x.com'), (3, 'happy', '10.0.0.3', NULL);";
    pg.createDatabase("lp_types");
    Jointure.execute(pg, "lp_types", setup);
    try (Connection c = Jointure.connect(Jointure.model(pg, "f", "lp_types"));
         Connection truth = pg.connect("lp_types")) {
      for (String condition : List.of("m = 'happy'", "m = 'sad'", "ip = '10.0.0.2'",
          "m <> 'sad' AND id > 1")) {
        String sql = "SELECT id FROM f.feelings WHERE " + condition + " ORDER BY id";
        assertEquals(Jointure.rows(truth, sql.replace("f.feelings", "feelings")),
            Jointure.rows(c, sql), sql);
      }
    }
  }

  @Test
  void explainShowsTheValuesAsWritten() throws Exception {
    String plan = Jointure.rows(jointure, "EXPLAIN PLAN FOR SELECT _id FROM shop.events"
        + " WHERE count = 4").toString();
    assertTrue(plan.contains("\"count\": 4"), plan);
  }
}
