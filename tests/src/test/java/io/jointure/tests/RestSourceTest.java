package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.api.RecordedRequest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A REST/JSON API as SQL tables, against a real HTTP server that records what it receives:
 * every pagination scheme reads every record once; equality filters, limits and sorts travel as
 * query parameters (URL-encoded, whatever the value); joins with PostgreSQL and MongoDB send the
 * other side's keys as one list parameter; retries, timeouts and malformed responses fail or
 * recover as documented. Answers equal the same data in one PostgreSQL database.
 */
class RestSourceTest extends RestFixtureTest {

  private static List<List<Object>> sameRows(String sql) throws Exception {
    List<List<Object>> expected = Jointure.rows(groundTruth, sql);
    assertFalse(expected.isEmpty(), sql);
    assertEquals(expected, Jointure.rows(jointure, sql), sql);
    return expected;
  }

  private static String first(RecordedRequest request, String parameter) {
    List<String> values = request.query().get(parameter);
    return values == null ? null : values.get(0);
  }

  @Test
  void everyPaginationSchemeReadsEveryRecordOnce() throws Exception {
    String expected = Jointure.rows(groundTruth,
        "SELECT COUNT(*), COUNT(DISTINCT id) FROM billing.payments").toString();
    int[] pageSizes = {50, 40, 64, 70};
    // The cursor collection's columns are inferred from a sample on first use: take it first.
    Jointure.rows(jointure, "SELECT id FROM billing.payments_by_cursor LIMIT 1");
    String[] tables = {"payments", "payments_by_offset", "payments_by_cursor", "payments_by_link"};
    String[] paths = {"/payments", "/v2/payments", "/v3/payments", "/v4/payments"};
    for (int i = 0; i < tables.length; i++) {
      api.clearRequests();
      assertEquals(expected, Jointure.rows(jointure, "SELECT COUNT(*), COUNT(DISTINCT id) FROM"
          + " billing." + tables[i]).toString(), tables[i]);
      int size = pageSizes[i];
      // Page and offset schemes learn of the end from a short page (an empty one after a
      // full last page); cursor and link schemes from a missing next pointer.
      int pages = (RestFixture.PAYMENTS + size - 1) / size
          + (i < 2 && RestFixture.PAYMENTS % size == 0 ? 1 : 0);
      assertEquals(pages, api.requests(paths[i]).size(), api.requests(paths[i]).toString());
    }
  }

  @Test
  void declaredAndNestedColumnsReadFaithfully() throws Exception {
    sameRows("SELECT id, customer_id, amount, status, \"meta.channel\" FROM billing.payments"
        + " ORDER BY id");
    String totals = "SELECT SUM(amount), COUNT(DISTINCT \"meta.channel\") FROM billing.";
    assertEquals(Jointure.rows(groundTruth, totals + "payments"),
        Jointure.rows(jointure, totals + "payments_by_link"));
  }

  @Test
  void equalityFiltersBecomeQueryParameters() throws Exception {
    List<List<Object>> rows = sameRows("SELECT id, amount FROM billing.payments"
        + " WHERE customer_id = 7 AND status = 'void' ORDER BY id");
    List<RecordedRequest> requests = api.requests("/payments");
    // A first page shorter than asked may be the API's own cap: one more page tells.
    assertEquals(2, requests.size(), requests.toString());
    for (RecordedRequest request : requests) {
      assertEquals("7", first(request, "customer_id"));
      assertEquals("void", first(request, "status"));
    }
    long sent = Jointure.requests(jointure, "billing").stream()
        .filter(r -> r.text().contains("/payments?")).mapToLong(r -> r.rows()).sum();
    assertEquals(rows.size(), sent, "the API sent only the matching records");
  }

  @Test
  void aStatementParameterIsSentAsAQueryParameter() throws Exception {
    try (PreparedStatement s = jointure.prepareStatement(
        "SELECT id FROM billing.payments WHERE customer_id = ? ORDER BY id")) {
      s.setInt(1, 12);
      List<List<Object>> actual = Jointure.rows(s.executeQuery());
      assertEquals(Jointure.rows(groundTruth,
          "SELECT id FROM billing.payments WHERE customer_id = 12 ORDER BY id"), actual);
    }
    assertEquals("12", first(api.requests("/payments").get(0), "customer_id"));
  }

  @Test
  void valuesWithUrlSyntaxArriveIntact() throws Exception {
    String status = RestFixture.STATUSES[3];
    sameRows("SELECT id FROM billing.payments WHERE status = '" + status.replace("'", "''")
        + "' ORDER BY id");
    RecordedRequest request = api.requests("/payments").get(0);
    assertEquals(status, first(request, "status"));
    assertFalse(request.rawQuery().contains(" "), request.rawQuery());
  }

  @Test
  void anInListIsOneCommaListParameter() throws Exception {
    sameRows("SELECT id FROM billing.payments WHERE customer_id IN (3, 5, 8) ORDER BY id");
    List<RecordedRequest> requests = api.requests("/payments");
    assertEquals(List.of("1", "2"), requests.stream().map(r -> first(r, "page")).toList());
    for (RecordedRequest request : requests) {
      assertEquals(Set.of("3", "5", "8"), Set.of(first(request, "customer_id").split(",")));
    }
  }

  @Test
  void aLimitStopsTheListingAndASortTravelsWithIt() throws Exception {
    assertEquals(5, Jointure.rows(jointure, "SELECT id FROM billing.payments LIMIT 5").size());
    List<RecordedRequest> requests = api.requests("/payments");
    assertEquals(1, requests.size(), requests.toString());
    assertEquals("5", first(requests.get(0), "per_page"));
    api.clearRequests();
    sameRows("SELECT id, amount FROM billing.payments ORDER BY amount DESC LIMIT 3");
    requests = api.requests("/payments");
    assertEquals(1, requests.size(), requests.toString());
    assertEquals("-amount", first(requests.get(0), "sort"));
    assertEquals("3", first(requests.get(0), "per_page"));
    // a limit above a filter the API applies travels with it
    api.clearRequests();
    sameRows("SELECT id, amount FROM billing.payments WHERE customer_id = 7 ORDER BY amount DESC"
        + " LIMIT 2");
    requests = api.requests("/payments");
    assertEquals(1, requests.size(), requests.toString());
    assertEquals("7", first(requests.get(0), "customer_id"));
    assertEquals("2", first(requests.get(0), "per_page"));
  }

  @Test
  void aLimitAcrossPagesKeepsEveryPageTheSameSize() throws Exception {
    sameRows("SELECT id, amount FROM billing.payments ORDER BY amount DESC LIMIT 75");
    List<RecordedRequest> requests = api.requests("/payments");
    assertEquals(List.of("50", "50"), requests.stream().map(r -> first(r, "per_page")).toList());
    assertEquals(75L, Long.parseLong(String.valueOf(Jointure.rows(jointure, "SELECT COUNT("
        + "DISTINCT id) FROM (SELECT id FROM billing.payments LIMIT 75) t").get(0).get(0))));
  }

  @Test
  void pagesCappedByTheApiAreAllRead() throws Exception {
    // Asks for 200 per page; the API serves at most 100.
    assertEquals(Jointure.rows(groundTruth, "SELECT COUNT(DISTINCT id) FROM billing.payments"),
        Jointure.rows(jointure, "SELECT COUNT(DISTINCT id) FROM billing.payments_in_big_pages"));
  }

  @Test
  void aSortTheApiCannotDoStaysInCalcite() throws Exception {
    sameRows("SELECT id, \"meta.channel\" FROM billing.payments ORDER BY \"meta.channel\","
        + " id LIMIT 5");
    for (RecordedRequest request : api.requests("/payments")) {
      assertEquals(null, first(request, "sort"), request.toString());
    }
  }

  @Test
  void aSmallPostgresSideSendsItsKeysAsOneListParameter() throws Exception {
    String sql = "SELECT c.name, p.id, p.amount FROM crm.customers c JOIN billing.payments p"
        + " ON p.customer_id = c.id WHERE c.name LIKE 'Customer 1%' ORDER BY p.id";
    jointure.createStatement().executeQuery(sql).close(); // planning warm, nothing asserted
    api.clearRequests();
    List<List<Object>> rows = sameRows(sql);
    List<RecordedRequest> requests = api.requests("/payments");
    Set<String> keys = new TreeSet<>();
    for (RecordedRequest request : requests) {
      keys.add(new TreeSet<>(List.of(first(request, "customer_id").split(","))).toString());
    }
    assertEquals(Set.of(new TreeSet<>(List.of("1", "10", "11", "12", "13", "14", "15", "16",
        "17", "18", "19")).toString()), keys, requests.toString());
    // Pages of 50 matching payments, and the empty page that ends them when the last is full.
    assertEquals((rows.size() + 50) / 50, requests.size(), requests.toString());
  }

  @Test
  void aSmallMongoDbSideSendsItsKeysAsRepeatedParameters() throws Exception {
    List<List<Object>> rows = sameRows("SELECT p.name, c.email FROM shop.people p"
        + " JOIN billing.customers c ON c.id = p.customer_id WHERE p.age > 76 ORDER BY p.name");
    List<RecordedRequest> requests = api.requests("/customers");
    assertEquals(1, requests.size(), requests.toString());
    Set<String> expectedKeys = Jointure.rows(groundTruth, "SELECT DISTINCT customer_id"
        + " FROM shop.people WHERE age > 76").stream().map(r -> String.valueOf(r.get(0)))
        .collect(Collectors.toSet());
    assertEquals(expectedKeys, new HashSet<>(requests.get(0).query().get("id")));
    assertTrue(rows.size() >= 1);
  }

  @Test
  void explainShowsTheRequest() throws Exception {
    try (Statement s = jointure.createStatement();
         ResultSet plan = s.executeQuery("EXPLAIN PLAN FOR SELECT id FROM billing.payments"
             + " WHERE customer_id = 7")) {
      assertTrue(plan.next());
      String text = plan.getString(1);
      assertTrue(text.contains("GET " + api.baseUrl() + "/payments?customer_id=?"), text);
    }
    assertEquals(List.of(), api.requests(), "EXPLAIN sends nothing");
  }

  @Test
  void retriesOn503And429ThenSucceeds() throws Exception {
    api.failNext(2, 429, "1");
    sameRows("SELECT id FROM billing.customers ORDER BY id");
    assertEquals(3, api.requests("/customers").size(), api.requests().toString());
  }

  @Test
  void tooManyFailuresFailTheQueryNamingSourceUrlAndStatus() {
    api.failNext(3, 503, "0"); // one more than the two retries
    SQLException e = assertThrows(SQLException.class,
        () -> Jointure.rows(jointure, "SELECT id FROM billing.customers"));
    String message = Jointure.messages(e);
    assertTrue(message.contains("datasource 'billing'") && message.contains("/customers")
        && message.contains("HTTP 503") && message.contains("after 3 attempts"), message);
  }

  @Test
  void aSlowApiFailsWithinTheTimeout() {
    api.delayNext(Duration.ofSeconds(5));
    long start = System.nanoTime();
    SQLException e = assertThrows(SQLException.class,
        () -> Jointure.rows(jointure, "SELECT id FROM billing.customers"));
    assertTrue((System.nanoTime() - start) / 1e9 < 4.5, "gave up within the 2 s timeout");
    assertTrue(Jointure.messages(e).contains("no answer within 2 s"), Jointure.messages(e));
  }

  @Test
  void aMalformedResponseFailsNamingTheUrl() {
    api.malformedNext();
    SQLException e = assertThrows(SQLException.class,
        () -> Jointure.rows(jointure, "SELECT id FROM billing.customers"));
    String message = Jointure.messages(e);
    assertTrue(message.contains("not JSON") && message.contains("/customers"), message);
  }
}
