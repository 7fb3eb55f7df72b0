package io.jointure.tests;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.jointure.demo.EmbeddedPostgres;
import io.jointure.demo.api.JsonApiServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * A small BI data set over four sources, and the same data whole in one PostgreSQL database (the
 * ground truth): orders in PostgreSQL ({@code sales}, database {@code bi_sales}), customers in
 * another PostgreSQL database ({@code crm}), events in MongoDB ({@code shop}) and invoices in an
 * HTTP API ({@code billing}). Timestamps with fractions of seconds, dates, numerics, doubles,
 * booleans, text with spaces and quotes, and NULLs in each.
 */
final class BiFixture {
  static final int ORDERS = 400;
  static final int CUSTOMERS = 60;
  static final int EVENTS = 300;
  static final int INVOICES = 150;
  private static final String[] STATUSES = {"paid", "open", "void", "refunded"};
  private static final String[] COUNTRIES = {"FR", "ES", "DE", "IT"};
  private static final String[] KINDS = {"view", "click", "buy"};
  private static final String[] CATEGORIES = {"hardware", "service", "licence"};

  private static final String ORDERS_TABLE = """
      CREATE TABLE orders (id int PRIMARY KEY, customer_id int, ordered_at timestamp(3),
        shipped_on date, amount numeric(12,2), discount float8, status text, express boolean,
        note text);
      """;
  private static final String CUSTOMERS_TABLE = """
      CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, country text, signup date,
        vip boolean, email text);
      """;

  private static boolean loaded;

  private BiFixture() {
  }

  /** The i-th order's time: from 2023-01-01 on, 21 h 17 min 13.5 s apart (some with .5 s). */
  static LocalDateTime orderedAt(int i) {
    return LocalDateTime.of(2023, 1, 1, 0, 0).plusSeconds(i * 76_633L)
        .plusNanos(i % 2 == 0 ? 0 : 500_000_000L);
  }

  /** Event times fall between 10:00 and 20:00, away from daylight-saving jumps in any zone. */
  static LocalDateTime eventAt(int i) {
    return LocalDate.of(2023, 1, 2).plusDays(i * 5L / 4).atTime(10 + i % 10, (i * 7) % 60,
        (i * 13) % 60);
  }

  static synchronized void load(EmbeddedPostgres pg, MongoExtension.TestMongo mongo)
      throws Exception {
    if (loaded) {
      return;
    }
    pg.createDatabase("bi_sales");
    pg.createDatabase("bi_crm");
    pg.createDatabase("bi_all");
    Jointure.execute(pg, "bi_sales", ORDERS_TABLE);
    Jointure.execute(pg, "bi_crm", CUSTOMERS_TABLE);
    Jointure.execute(pg, "bi_all", "CREATE SCHEMA sales; CREATE SCHEMA crm; CREATE SCHEMA shop;"
        + " CREATE SCHEMA billing; SET search_path = sales;" + ORDERS_TABLE
        + "SET search_path = crm;" + CUSTOMERS_TABLE + """
        CREATE TABLE shop.events (_id int PRIMARY KEY, customer_id int, at timestamp(3),
          kind text, value float8, count int, label text);
        CREATE TABLE billing.invoices (id text PRIMARY KEY, customer_id bigint, issued date,
          total numeric(12,2), paid boolean, category text);
        """);
    try (Connection sales = pg.connect("bi_sales"); Connection crm = pg.connect("bi_crm");
         Connection all = pg.connect("bi_all")) {
      insertOrders(sales, "orders");
      insertOrders(all, "sales.orders");
      insertCustomers(crm, "customers");
      insertCustomers(all, "crm.customers");
      insertEvents(all);
      insertInvoices(all);
    }
    for (String database : List.of("bi_sales", "bi_crm", "bi_all")) {
      Jointure.execute(pg, database, "ANALYZE");
    }
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      client.getDatabase("bi_shop").getCollection("events").drop();
      client.getDatabase("bi_shop").getCollection("events").insertMany(events());
    }
    loaded = true;
  }

  private static void insertOrders(Connection c, String table) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 1; i <= ORDERS; i++) {
        insert.setInt(1, i);
        insert.setObject(2, i % 23 == 0 ? null : 1 + i % CUSTOMERS, Types.INTEGER);
        insert.setTimestamp(3, Timestamp.valueOf(orderedAt(i)));
        insert.setDate(4, i % 13 == 0 ? null
            : Date.valueOf(orderedAt(i).toLocalDate().plusDays(i % 9)));
        insert.setBigDecimal(5, i % 31 == 0 ? null
            : BigDecimal.valueOf((i * 3_797L) % 100_000 + 500, 2));
        insert.setDouble(6, (i % 7) * 0.05 + (i % 4 == 0 ? 0.5 : 0));
        insert.setString(7, STATUSES[i % STATUSES.length]);
        insert.setObject(8, i % 17 == 0 ? null : i % 3 == 0, Types.BOOLEAN);
        insert.setString(9, i % 5 != 0 ? null
            : i % 10 == 0 ? "Rush order, " + (i % 3 == 0 ? "GIFT wrap" : "call first")
            : "  keep dry  ");
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void insertCustomers(Connection c, String table) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 1; i <= CUSTOMERS; i++) {
        insert.setInt(1, i);
        insert.setString(2, i % 11 == 0 ? "O'Brien & Sons " + i : "customer " + i);
        insert.setString(3, i % 9 == 0 ? null : COUNTRIES[i % COUNTRIES.length]);
        insert.setDate(4, Date.valueOf(LocalDate.of(2019, 1, 1).plusDays(i * 29L)));
        insert.setObject(5, i % 7 == 0 ? null : i % 4 == 0, Types.BOOLEAN);
        insert.setString(6, "c" + i + "@example.com");
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static List<Document> events() {
    List<Document> events = new ArrayList<>();
    for (int i = 1; i <= EVENTS; i++) {
      Document event = new Document("_id", i).append("customer_id", 1 + (i * 7) % CUSTOMERS)
          .append("at", java.util.Date.from(eventAt(i).atZone(ZoneId.systemDefault())
              .toInstant()))
          .append("kind", KINDS[i % KINDS.length])
          .append("value", (i % 9) * 0.5 + (i % 4) * 0.25)
          .append("count", i % 6);
      if (i % 8 != 0) {
        event.append("label", "tag-" + (i % 5) + "/x" + (i % 3));
      }
      events.add(event);
    }
    return events;
  }

  private static void insertEvents(Connection c) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO shop.events VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Document e : events()) {
        insert.setInt(1, e.getInteger("_id"));
        insert.setInt(2, e.getInteger("customer_id"));
        insert.setTimestamp(3, Timestamp.valueOf(eventAt(e.getInteger("_id"))));
        insert.setString(4, e.getString("kind"));
        insert.setDouble(5, e.getDouble("value"));
        insert.setInt(6, e.getInteger("count"));
        insert.setString(7, e.getString("label"));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  static List<Map<String, Object>> invoices() {
    List<Map<String, Object>> invoices = new ArrayList<>();
    for (int i = 1; i <= INVOICES; i++) {
      Map<String, Object> invoice = new LinkedHashMap<>();
      invoice.put("id", "inv-" + i);
      invoice.put("customer_id", 1 + (i * 11) % CUSTOMERS);
      invoice.put("issued", LocalDate.of(2023, 1, 1).plusDays(i * 2L + i % 5).toString());
      invoice.put("total", BigDecimal.valueOf(i * 1_234L % 50_000 + 99, 2));
      invoice.put("paid", i % 3 != 0);
      invoice.put("category", CATEGORIES[i % CATEGORIES.length]);
      invoices.add(invoice);
    }
    return invoices;
  }

  private static void insertInvoices(Connection c) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO billing.invoices VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Map<String, Object> invoice : invoices()) {
        insert.setString(1, (String) invoice.get("id"));
        insert.setLong(2, (Integer) invoice.get("customer_id"));
        insert.setDate(3, Date.valueOf((String) invoice.get("issued")));
        insert.setBigDecimal(4, (BigDecimal) invoice.get("total"));
        insert.setBoolean(5, (Boolean) invoice.get("paid"));
        insert.setString(6, (String) invoice.get("category"));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  static JsonApiServer startApi() throws Exception {
    JsonApiServer api = JsonApiServer.start();
    api.collection("/invoices", invoices()).envelope("/data")
        .pagePagination("page", "per_page", 1);
    return api;
  }

  static String model(EmbeddedPostgres pg, MongoExtension.TestMongo mongo, String api) {
    return """
        version: 1
        datasources:
          sales: { type: postgresql, url: "%1$s", user: postgres }
          crm: { type: postgresql, url: "%2$s", user: postgres }
          shop:
            type: mongodb
            uri: "%3$s"
            database: bi_shop
            collections:
              events:
                schema: { _id: INTEGER, customer_id: INTEGER, at: TIMESTAMP, kind: VARCHAR,
                          value: DOUBLE, count: INTEGER, label: VARCHAR }
          billing:
            type: rest
            baseUrl: "%4$s"
            collections:
              invoices:
                path: /invoices
                records: /data
                primaryKey: id
                rowCount: 150
                schema: { id: VARCHAR, customer_id: BIGINT, issued: DATE,
                          total: "DECIMAL(12,2)", paid: BOOLEAN, category: VARCHAR }
                pagination: { type: page, pageParameter: page, sizeParameter: per_page, size: 100 }
        """.formatted(pg.jdbcUrl("bi_sales"), pg.jdbcUrl("bi_crm"), mongo.uri(), api);
  }
}
