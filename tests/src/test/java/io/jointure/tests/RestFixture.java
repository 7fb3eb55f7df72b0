package io.jointure.tests;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.jointure.demo.EmbeddedPostgres;
import io.jointure.demo.api.ApiCollection.ListStyle;
import io.jointure.demo.api.JsonApiServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * An HTTP API (a real server on 127.0.0.1) beside PostgreSQL {@code rs_crm} and MongoDB
 * {@code rs_shop}: payments served four times, once per pagination scheme, customers filterable
 * by a repeated id parameter, honorary citizens per town and notes per town code (External
 * relations). The ground truth {@code rs_all} holds the same records in PostgreSQL, with each
 * External relation's view written by hand. Values include {@code / ? & % '} and non-ASCII text.
 */
final class RestFixture {
  static final int PAYMENTS = 300;
  /** Statuses, one of them full of URL syntax. */
  static final String[] STATUSES = {"paid", "open", "void", "a/b?c&d%e'f ü"};
  /** Town codes that are URL syntax when spliced raw. */
  static final String[] CODES = {"a/b", "x?y", "p&q", "50%", "it's", "ü-ñ"};

  private static final String CRM = """
      CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
      INSERT INTO customers SELECT i, 'Customer ' || i FROM generate_series(1, 40) i;
      CREATE TABLE towns (id int PRIMARY KEY, name text NOT NULL, code text NOT NULL);
      INSERT INTO towns SELECT i, 'Town ' || i, (ARRAY['a/b', 'x?y', 'p&q', '50%', 'it''s',
        'ü-ñ'])[i] FROM generate_series(1, 6) i;
      INSERT INTO towns SELECT i, 'Town ' || i, 'c' || i FROM generate_series(7, 12) i;
      """;

  private static boolean loaded;

  private RestFixture() {
  }

  static List<Map<String, Object>> payments() {
    List<Map<String, Object>> payments = new ArrayList<>();
    for (int i = 1; i <= PAYMENTS; i++) {
      Map<String, Object> payment = new LinkedHashMap<>();
      payment.put("id", "p" + i);
      payment.put("customer_id", 1 + i % 45);
      payment.put("amount", BigDecimal.valueOf(i * 10L + i % 7, 2));
      payment.put("status", STATUSES[i % 4]);
      payment.put("meta", Map.of("channel", i % 2 == 0 ? "web" : "shop"));
      payments.add(payment);
    }
    return payments;
  }

  static List<Map<String, Object>> customers() {
    List<Map<String, Object>> customers = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      customers.add(Map.of("id", i, "email", "c" + i + "@example.com",
          "tier", i % 3 == 0 ? "gold" : "basic"));
    }
    return customers;
  }

  /** Honorary citizens of town n: n % 3 of them. */
  static List<Map<String, Object>> honoraryCitizens(int town) {
    List<Map<String, Object>> citizens = new ArrayList<>();
    for (int k = 1; k <= town % 3; k++) {
      citizens.add(Map.of("firstName", "First" + town + "_" + k, "lastName", "Last" + k));
    }
    return citizens;
  }

  /** Starts the API: every collection and route the model below declares. */
  static JsonApiServer startApi() throws Exception {
    JsonApiServer api = JsonApiServer.start();
    api.collection("/payments", payments()).envelope("/data")
        .pagePagination("page", "per_page", 1)
        .listFilterParam("customer_id", "customer_id", ListStyle.COMMA)
        .filterParam("status", "status").sortParam("sort");
    api.collection("/v2/payments", payments()).envelope("/items")
        .offsetPagination("offset", "limit");
    api.collection("/v3/payments", payments()).envelope("/data")
        .cursorPagination("cursor", "limit", "/meta/next_cursor");
    api.collection("/v4/payments", payments()).envelope("/data")
        .nextLinkPagination("limit", "/links/next");
    api.collection("/customers", customers())
        .listFilterParam("id", "id", ListStyle.REPEATED);
    api.route("/cities/{id}/honorary-citizens",
        (path, query) -> honoraryCitizens(Integer.parseInt(path.get("id"))));
    api.route("/labels/{code}/notes",
        (path, query) -> List.of(Map.of("note", "note:" + path.get("code"))));
    return api;
  }

  static synchronized void load(EmbeddedPostgres pg, MongoExtension.TestMongo mongo)
      throws Exception {
    if (loaded) {
      return;
    }
    pg.createDatabase("rs_crm");
    pg.createDatabase("rs_all");
    Jointure.execute(pg, "rs_crm", CRM + "ANALYZE;");
    Jointure.execute(pg, "rs_all", "CREATE SCHEMA crm; CREATE SCHEMA billing;"
        + " CREATE SCHEMA shop; SET search_path = crm;" + CRM + """
        CREATE TABLE billing.payments (id text PRIMARY KEY, customer_id int,
          amount numeric(12,2), status text, "meta.channel" text);
        CREATE TABLE billing.customers (id int PRIMARY KEY, email text, tier text);
        CREATE TABLE shop.people (_id int PRIMARY KEY, name text, customer_id int, age int);
        CREATE TABLE crm.honorary (town_id int, "firstName" text, "lastName" text);
        """);
    List<Document> people = new ArrayList<>();
    try (Connection c = pg.connect("rs_all")) {
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO billing.payments VALUES (?, ?, ?, ?, ?)")) {
        for (Map<String, Object> p : payments()) {
          insert.setString(1, (String) p.get("id"));
          insert.setInt(2, (Integer) p.get("customer_id"));
          insert.setBigDecimal(3, (BigDecimal) p.get("amount"));
          insert.setString(4, (String) p.get("status"));
          insert.setString(5, (String) ((Map<?, ?>) p.get("meta")).get("channel"));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO billing.customers VALUES (?, ?, ?)")) {
        for (Map<String, Object> customer : customers()) {
          insert.setInt(1, (Integer) customer.get("id"));
          insert.setString(2, (String) customer.get("email"));
          insert.setString(3, (String) customer.get("tier"));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO crm.honorary VALUES (?, ?, ?)")) {
        for (int town = 1; town <= 12; town++) {
          for (Map<String, Object> citizen : honoraryCitizens(town)) {
            insert.setInt(1, town);
            insert.setString(2, (String) citizen.get("firstName"));
            insert.setString(3, (String) citizen.get("lastName"));
            insert.addBatch();
          }
        }
        insert.executeBatch();
      }
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO shop.people VALUES (?, ?, ?, ?)")) {
        for (int i = 1; i <= 80; i++) {
          people.add(new Document("_id", i).append("name", "P" + i)
              .append("customer_id", 1 + i % 50).append("age", 20 + i % 60));
          insert.setInt(1, i);
          insert.setString(2, "P" + i);
          insert.setInt(3, 1 + i % 50);
          insert.setInt(4, 20 + i % 60);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    Jointure.execute(pg, "rs_all", """
        CREATE VIEW crm."towns_honoraryCitizen" AS SELECT t.*,
          h."firstName" AS "honoraryCitizen.firstName", h."lastName" AS "honoraryCitizen.lastName"
          FROM crm.towns t LEFT JOIN crm.honorary h ON h.town_id = t.id;
        CREATE VIEW crm.towns_notes AS SELECT t.*, 'note:' || t.code AS "notes.note"
          FROM crm.towns t;
        ANALYZE;
        """);
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      client.getDatabase("rs_shop").getCollection("people").drop();
      client.getDatabase("rs_shop").getCollection("people").insertMany(people);
    }
    loaded = true;
  }

  static String model(EmbeddedPostgres pg, MongoExtension.TestMongo mongo, String base) {
    String payment = "{ id: VARCHAR, customer_id: INTEGER, amount: \"DECIMAL(12,2)\","
        + " status: VARCHAR, \"meta.channel\": VARCHAR }";
    return """
        version: 1
        datasources:
          crm: { type: postgresql, url: "%1$s", user: postgres }
          shop: { type: mongodb, uri: "%2$s", database: rs_shop }
          billing:
            type: rest
            baseUrl: "%3$s"
            timeoutSeconds: 2
            maxRetries: 2
            collections:
              payments:
                path: /payments
                records: /data
                primaryKey: id
                rowCount: 300
                schema: %4$s
                pagination: { type: page, pageParameter: page, sizeParameter: per_page, size: 50 }
                filters:
                  customer_id: { parameter: customer_id, list: comma }
                  status: { parameter: status }
                sort: { parameter: sort, descendingPrefix: "-" }
              payments_by_offset:
                path: /v2/payments
                records: /items
                schema: %4$s
                pagination: { type: offset, offsetParameter: offset, limitParameter: limit, size: 40 }
              payments_by_cursor:
                path: /v3/payments
                records: /data
                pagination: { type: cursor, cursorParameter: cursor, limitParameter: limit,
                              size: 64, nextCursor: /meta/next_cursor }
              payments_by_link:
                path: /v4/payments
                records: /data
                schema: %4$s
                pagination: { type: nextLink, limitParameter: limit, size: 70, nextLink: /links/next }
              customers:
                path: /customers
                primaryKey: id
                rowCount: 40
                schema: { id: INTEGER, email: VARCHAR, tier: VARCHAR }
                filters: { id: { parameter: id, list: repeated } }
        collections:
          crm.towns:
            relations:
              honoraryCitizen: { type: External, url: "%3$s/cities/{id}/honorary-citizens",
                                 schema: { firstName: String, lastName: String } }
              notes: { type: External, url: "%3$s/labels/{code}/notes", schema: { note: VARCHAR } }
        """.formatted(pg.jdbcUrl("rs_crm"), mongo.uri(), base, payment);
  }
}
