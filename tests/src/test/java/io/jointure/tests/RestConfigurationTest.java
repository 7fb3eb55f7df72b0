package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.api.JsonApiServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A REST datasource's credentials and configuration: headers and query parameters reach the API
 * on every request but never a message or EXPLAIN; a wrong credential fails with the status and
 * a hint; columns are inferred from a sample when none are declared; mistakes in the model are
 * reported with their place and the fix.
 */
class RestConfigurationTest {
  private static final String TOKEN = "Bearer t0k3n-secret";
  private static final String KEY = "k3y-secret";
  private static JsonApiServer api;

  @BeforeAll
  static void start() throws Exception {
    api = JsonApiServer.start();
    api.requireHeader("Authorization", TOKEN);
    api.requireQueryParameter("api_key", KEY);
    api.route("/orders/{id}/notes", (path, query) -> List.of(Map.of("note", "n" + path.get("id"))));
    api.collection("/orders", List.of(
        Map.of("id", 1, "total", 12.5, "paid", true, "shipping", Map.of("city", "Lyon")),
        Map.of("id", 2, "total", 7, "paid", false, "shipping", Map.of("city", "Oslo"))));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static String model(String token, String key) {
    return """
        version: 1
        datasources:
          shop:
            type: rest
            baseUrl: "%s"
            maxRetries: 0
            headers: { Authorization: "%s" }
            queryParameters: { api_key: "%s" }
            collections:
              orders: { path: /orders }
        """.formatted(api.baseUrl(), token, key);
  }

  @Test
  void credentialsReachTheApiAndColumnsAreInferred() throws Exception {
    try (Connection c = Jointure.connect(model(TOKEN, KEY))) {
      // Inferred: id BIGINT, total DOUBLE (7 is read as 7.0), paid BOOLEAN, shipping.city text.
      assertEquals("[[1, 12.5, true, Lyon], [2, 7, false, Oslo]]",
          Jointure.rows(c, "SELECT id, total, paid, \"shipping.city\" FROM shop.orders"
              + " ORDER BY id").toString());
      List<String> columns = new java.util.ArrayList<>();
      try (ResultSet rs = c.getMetaData().getColumns(null, "shop", "orders", null)) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME") + ":" + java.sql.JDBCType.valueOf(
              rs.getInt("DATA_TYPE")));
        }
      }
      assertEquals(java.util.Set.of("id:BIGINT", "total:DOUBLE", "paid:BOOLEAN",
          "shipping.city:VARCHAR"), java.util.Set.copyOf(columns));
      try (Statement s = c.createStatement();
           ResultSet plan = s.executeQuery("EXPLAIN PLAN FOR SELECT id FROM shop.orders")) {
        assertTrue(plan.next());
        String text = plan.getString(1);
        assertTrue(text.contains("api_key=***") && !text.contains(KEY), text);
      }
    }
    assertEquals(TOKEN, api.requests().get(0).headers().get("authorization"));
  }

  @Test
  void anExternalRelationSendsItsOwnCredentials() throws Exception {
    String model = model(TOKEN, KEY) + """
        collections:
          shop.orders:
            relations:
              notes: { type: External, url: "%s/orders/{id}/notes", schema: { note: VARCHAR },
                       headers: { Authorization: "%s" }, queryParameters: { api_key: "%s" } }
        """.formatted(api.baseUrl(), TOKEN, KEY);
    try (Connection c = Jointure.connect(model)) {
      assertEquals("[[1, n1], [2, n2]]", Jointure.rows(c,
          "SELECT id, \"notes.note\" FROM shop.orders_notes ORDER BY id").toString());
      try (Statement s = c.createStatement();
           ResultSet plan = s.executeQuery("EXPLAIN PLAN FOR SELECT * FROM shop.orders_notes")) {
        assertTrue(plan.next());
        assertFalse(plan.getString(1).contains(KEY), plan.getString(1));
      }
    }
  }

  @Test
  void aWrongCredentialFailsWithTheStatusAndNoSecret() {
    SQLException e = assertThrows(SQLException.class, () -> {
      try (Connection c = Jointure.connect(model("Bearer wrong", "wrong-key"))) {
        Jointure.rows(c, "SELECT id FROM shop.orders");
      }
    });
    String message = Jointure.messages(e);
    assertTrue(message.contains("HTTP 401") && message.contains("credentials")
        && message.contains("api_key=***"), message);
    assertFalse(message.contains("wrong-key") || message.contains("Bearer wrong"), message);
  }

  private static String error(String datasource) {
    SQLException e = assertThrows(SQLException.class, () -> Jointure.connect(
        "version: 1\ndatasources:\n  shop:\n" + datasource).close());
    return Jointure.messages(e);
  }

  @Test
  void modelMistakesNameThePlaceAndTheFix() {
    String message = error("    type: rest\n    collections: { orders: { path: /orders } }\n");
    assertTrue(message.contains("datasources.shop.baseUrl: missing"), message);
    message = error("    type: rest\n    baseUrl: ftp://example.com\n"
        + "    collections: { orders: { path: /orders } }\n");
    assertTrue(message.contains("is not an http:// or https:// URL"), message);
    message = error("    type: rest\n    baseUrl: http://127.0.0.1:1\n"
        + "    collections: { orders: { path: /orders, pagination: { type: pages } } }\n");
    assertTrue(message.contains("collections.orders.pagination.type: unknown pagination 'pages'"
        + " (did you mean 'page'?)"), message);
    message = error("    type: rest\n    baseUrl: http://127.0.0.1:1\n"
        + "    collections: { orders: { path: /orders, filters: { id: { list: commas } } } }\n");
    assertTrue(message.contains("filters.id.list: unknown list style 'commas'"), message);
  }

  @Test
  void anExternalRelationNamingAnUnknownColumnIsRefused() {
    SQLException e = assertThrows(SQLException.class, () -> Jointure.connect(model(TOKEN, KEY)
        + "collections:\n  shop.orders:\n    relations:\n      notes: { type: External,"
        + " url: \"http://127.0.0.1:1/orders/{ident}/notes\", schema: { note: VARCHAR } }\n")
        .close());
    String message = Jointure.messages(e);
    assertTrue(message.contains("relations.notes.url: unknown column 'ident' in shop.orders;"
        + " its columns: "), message);
  }
}
