package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.demo.api.RecordedRequest;
import io.jointure.jdbc.JointureDriver;
import io.jointure.model.Model;
import io.jointure.model.ModelBuilder;
import io.jointure.model.Row;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * External relations, as the seeds' honorary citizens: records fetched per origin row from a URL
 * template (or a Java function), shown as a LEFT JOIN view. One request per distinct key, never
 * more; a filter on the origin narrows the requests; values become URL-encoded path segments.
 */
class ExternalRelationTest extends RestFixtureTest {

  private static void sameRows(Connection connection, String sql) throws Exception {
    List<List<Object>> expected = Jointure.rows(groundTruth, sql);
    assertFalse(expected.isEmpty(), sql);
    assertEquals(expected, Jointure.rows(connection, sql), sql);
  }

  @Test
  void theViewIsALeftJoinWithOneRequestPerTown() throws Exception {
    sameRows(jointure, "SELECT id, name, \"honoraryCitizen.firstName\","
        + " \"honoraryCitizen.lastName\" FROM crm.\"towns_honoraryCitizen\" ORDER BY 1, 3");
    List<RecordedRequest> requests = api.requests("/cities/");
    assertEquals(12, requests.size(), requests.toString());
    assertEquals(12, requests.stream().map(RecordedRequest::path).distinct().count());
    assertTrue(api.maxConcurrentRequests() <= 4, "at most maxConcurrency requests at once");
  }

  @Test
  void aFilterOnTheOriginSendsOneRequest() throws Exception {
    sameRows(jointure, "SELECT name, \"honoraryCitizen.firstName\" FROM"
        + " crm.\"towns_honoraryCitizen\" WHERE name = 'Town 5' ORDER BY 2");
    List<RecordedRequest> requests = api.requests("/cities/");
    assertEquals(1, requests.size(), requests.toString());
    assertEquals("/cities/5/honorary-citizens", requests.get(0).path());
  }

  @Test
  void originValuesBecomeEncodedPathSegments() throws Exception {
    sameRows(jointure, "SELECT id, code, \"notes.note\" FROM crm.towns_notes ORDER BY id");
    Set<String> paths = new HashSet<>();
    for (RecordedRequest request : api.requests("/labels/")) {
      paths.add(request.path());
      assertFalse(request.rawPath().contains("?") || request.rawPath().contains("&"),
          request.rawPath());
    }
    for (String code : RestFixture.CODES) {
      assertTrue(paths.contains("/labels/" + code + "/notes"), paths.toString());
    }
  }

  @Test
  void explainShowsTheTemplate() throws Exception {
    try (Statement s = jointure.createStatement();
         ResultSet plan = s.executeQuery("EXPLAIN PLAN FOR SELECT * FROM"
             + " crm.\"towns_honoraryCitizen\"")) {
      assertTrue(plan.next());
      String text = plan.getString(1);
      assertTrue(text.contains("GET " + api.baseUrl() + "/cities/{id}/honorary-citizens"), text);
    }
    assertEquals(List.of(), api.requests());
  }

  @Test
  void anHttpErrorFailsTheQueryNamingTheUrl() {
    api.failNext(4, 500, null);
    SQLException e = assertThrows(SQLException.class, () -> Jointure.rows(jointure,
        "SELECT * FROM crm.towns_notes WHERE id = 7"));
    String message = Jointure.messages(e);
    assertTrue(message.contains("/labels/c7/notes") && message.contains("HTTP 500"), message);
  }

  @Test
  void aJavaFunctionIsCalledOncePerDistinctKey(EmbeddedPostgres pg,
      MongoExtension.TestMongo mongo) throws Exception {
    Map<Object, AtomicInteger> calls = new ConcurrentHashMap<>();
    Model model = ModelBuilder.fromYaml("test model", RestFixture.model(pg, mongo, api.baseUrl()))
        .customizeCollection("shop.people", people -> people.addExternalRelation("perks",
            Map.of("perk", "VARCHAR"), List.of("customer_id"), (Row row) -> {
              Object customer = row.get("customer_id");
              calls.computeIfAbsent(customer, k -> new AtomicInteger()).incrementAndGet();
              List<Row> perks = new ArrayList<>();
              for (int k = 1; k <= ((Number) customer).intValue() % 3; k++) {
                perks.add(new Row(Map.of("perk", "perk " + customer + "." + k)));
              }
              return perks;
            }))
        .build();
    try (Connection c = JointureDriver.connect(model, new Properties())) {
      List<List<Object>> rows = Jointure.rows(c, "SELECT _id, customer_id, \"perks.perk\""
          + " FROM shop.people_perks ORDER BY 1, 3");
      List<List<Object>> expected = Jointure.rows(groundTruth, "SELECT p._id, p.customer_id,"
          + " 'perk ' || p.customer_id || '.' || k FROM shop.people p LEFT JOIN"
          + " generate_series(1, 2) k ON k <= p.customer_id % 3 ORDER BY 1, 3");
      assertEquals(expected, rows);
    }
    long distinct = Long.parseLong(String.valueOf(Jointure.rows(groundTruth,
        "SELECT COUNT(DISTINCT customer_id) FROM shop.people").get(0).get(0)));
    assertEquals(distinct, calls.size());
    assertTrue(calls.values().stream().allMatch(n -> n.get() == 1), calls.toString());
  }
}
