package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.jointure.adapter.request.SourceRequest;
import io.jointure.demo.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Key-list joins on keys other than one number or text column: composite keys (a region and an
 * order number) in both directions between PostgreSQL and MongoDB, and date and timestamp keys
 * between two PostgreSQL databases (a timestamp column joined to a timestamptz one). Answers
 * equal the same join inside one PostgreSQL database; the probed source receives one request
 * and sends only the matching rows.
 */
@ExtendWith({PostgresExtension.class, MongoExtension.class})
class KeyListJoinKeysTest {
  private static final String SALES = """
      CREATE TABLE shipments (region text, order_no int, carrier text NOT NULL,
        shipped_on date NOT NULL, pickup_at timestamp NOT NULL, PRIMARY KEY (region, order_no));
      INSERT INTO shipments SELECT (ARRAY['north', 'south', 'east', 'west'])[1 + i % 4], i / 4,
        CASE WHEN i % 250 = 0 THEN 'Rare Freight' ELSE 'Common Post' END,
        DATE '2026-01-01' + i % 365, TIMESTAMP '2026-03-01 00:00' + (i % 96) * INTERVAL '15 min'
        FROM generate_series(0, 1999) i;
      """;
  private static final String CALENDAR = """
      CREATE TABLE holidays (holiday_on date PRIMARY KEY, name text NOT NULL);
      INSERT INTO holidays SELECT DATE '2026-01-01' + i * 12, 'Holiday ' || i
        FROM generate_series(0, 29) i;
      CREATE TABLE slots (starts_at timestamptz PRIMARY KEY, label text NOT NULL);
      INSERT INTO slots SELECT TIMESTAMP '2026-03-01 00:00' + i * INTERVAL '30 min', 'Slot ' || i
        FROM generate_series(0, 1999) i;
      """;

  private static Connection jointure;
  private static Connection groundTruth;

  @BeforeAll
  static void load(EmbeddedPostgres pg, MongoExtension.TestMongo mongo) throws Exception {
    pg.createDatabase("ck_sales");
    pg.createDatabase("ck_calendar");
    pg.createDatabase("ck_all");
    Jointure.execute(pg, "ck_sales", SALES + "ANALYZE;");
    Jointure.execute(pg, "ck_calendar", CALENDAR + "ANALYZE;");
    Jointure.execute(pg, "ck_all", "CREATE SCHEMA sales; CREATE SCHEMA calendar;"
        + " CREATE SCHEMA shop; SET search_path = sales;" + SALES + "SET search_path = calendar;"
        + CALENDAR + "CREATE TABLE shop.orders (_id int PRIMARY KEY, region text,"
        + " order_no int, total int);");
    List<Document> orders = new ArrayList<>();
    try (Connection c = pg.connect("ck_all");
         PreparedStatement insert = c.prepareStatement(
             "INSERT INTO shop.orders VALUES (?, ?, ?, ?)")) {
      String[] regions = {"north", "south", "east", "west"};
      for (int i = 0; i < 1500; i++) {
        // Some orders have no shipment (order numbers past 499), one region has none at all.
        String region = regions[i % 3];
        int orderNo = i % 600;
        int total = (i * 37) % 1000;
        orders.add(new Document("_id", i).append("region", region).append("order_no", orderNo)
            .append("total", total));
        insert.setInt(1, i);
        insert.setString(2, region);
        insert.setInt(3, orderNo);
        insert.setInt(4, total);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    Jointure.execute(pg, "ck_all", "ANALYZE;");
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      MongoCollection<Document> collection = client.getDatabase("ck_shop").getCollection("orders");
      collection.drop();
      collection.insertMany(orders);
    }
    jointure = Jointure.connect("""
        version: 1
        datasources:
          sales: { type: postgresql, url: "%s", user: postgres }
          calendar: { type: postgresql, url: "%s", user: postgres }
          shop: { type: mongodb, uri: "%s", database: ck_shop }
        """.formatted(pg.jdbcUrl("ck_sales"), pg.jdbcUrl("ck_calendar"), mongo.uri()));
    groundTruth = pg.connect("ck_all");
  }

  @AfterAll
  static void close() throws Exception {
    jointure.close();
    groundTruth.close();
  }

  /** Runs both ways, checks equal rows, and returns the one request {@code source} received. */
  private static SourceRequest probe(String sql, String source) throws Exception {
    Jointure.clearRequests(jointure, "sales", "calendar", "shop");
    List<List<Object>> expected = Jointure.rows(groundTruth, sql);
    assertFalse(expected.isEmpty(), sql);
    assertEquals(expected, Jointure.rows(jointure, sql), sql);
    List<SourceRequest> requests = Jointure.requests(jointure, source);
    assertEquals(1, requests.size(), requests.toString());
    return requests.get(0);
  }

  private static long count(String sql) throws Exception {
    return Long.parseLong(String.valueOf(Jointure.rows(groundTruth, sql).get(0).get(0)));
  }

  @Test
  void compositeKeyFromMongoDbProbesPostgresWithOneArrayPerKeyColumn() throws Exception {
    SourceRequest r = probe("SELECT o._id, s.carrier, s.shipped_on FROM shop.orders o"
        + " JOIN sales.shipments s ON s.region = o.region AND s.order_no = o.order_no"
        + " WHERE o.total > 990 ORDER BY o._id", "sales");
    assertTrue(r.text().contains(
        "WHERE (c0, c1) IN (SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS int4[])))"),
        r.text());
    assertEquals(count("SELECT COUNT(DISTINCT (region, order_no)) FROM shop.orders"
        + " WHERE total > 990 AND order_no < 500"), r.rows());
  }

  @Test
  void compositeKeyFromPostgresProbesMongoDbWithOr() throws Exception {
    SourceRequest r = probe("SELECT s.region, s.order_no, o._id, o.total FROM sales.shipments s"
        + " JOIN shop.orders o ON o.region = s.region AND o.order_no = s.order_no"
        + " WHERE s.carrier = 'Rare Freight' ORDER BY o._id", "shop");
    assertTrue(r.text().contains("\"$or\": [{\"region\": "), r.text());
    assertEquals(count("SELECT COUNT(*) FROM shop.orders o JOIN sales.shipments s"
        + " ON o.region = s.region AND o.order_no = s.order_no"
        + " WHERE s.carrier = 'Rare Freight'"), r.rows());
  }

  @Test
  void compositeLeftJoinKeepsRowsWithoutMatches() throws Exception {
    probe("SELECT o._id, s.carrier FROM shop.orders o LEFT JOIN sales.shipments s"
        + " ON s.region = o.region AND s.order_no = o.order_no"
        + " WHERE o.total > 985 ORDER BY o._id", "sales");
  }

  @Test
  void dateKeysGoAsADateArray() throws Exception {
    SourceRequest r = probe("SELECT h.name, s.region, s.order_no FROM calendar.holidays h"
        + " JOIN sales.shipments s ON s.shipped_on = h.holiday_on"
        + " WHERE h.name IN ('Holiday 3', 'Holiday 17') ORDER BY s.region, s.order_no", "sales");
    assertTrue(r.text().endsWith("WHERE c2 = ANY(?)")
        && r.text().contains("\"shipped_on\" FROM"), r.text());
    assertEquals(count("SELECT COUNT(*) FROM sales.shipments s JOIN calendar.holidays h"
        + " ON s.shipped_on = h.holiday_on WHERE h.name IN ('Holiday 3', 'Holiday 17')"), r.rows());
  }

  @Test
  void timestampKeysMatchATimestampWithTimeZoneColumn() throws Exception {
    SourceRequest r = probe("SELECT s.region, s.order_no, t.label FROM sales.shipments s"
        + " JOIN calendar.slots t ON t.starts_at = s.pickup_at"
        + " WHERE s.carrier = 'Rare Freight' ORDER BY s.region, s.order_no", "calendar");
    assertTrue(r.text().endsWith("= ANY(?)"), r.text());
    assertEquals(count("SELECT COUNT(*) FROM sales.shipments s JOIN calendar.slots t"
        + " ON t.starts_at = s.pickup_at WHERE s.carrier = 'Rare Freight'"), r.rows());
  }
}
