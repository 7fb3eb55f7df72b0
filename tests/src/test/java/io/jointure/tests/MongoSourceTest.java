package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.adapter.request.SourceRequest;
import io.jointure.demo.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A MongoDB collection answers SQL exactly as the same rows loaded into PostgreSQL do, and the
 * work reaches MongoDB as one aggregation pipeline whose stages the tests check.
 */
@ExtendWith({PostgresExtension.class, MongoExtension.class})
class MongoSourceTest {
  private static Connection jointure;
  private static Connection groundTruth;

  @BeforeAll
  static void connect(EmbeddedPostgres pg, MongoExtension.TestMongo mongo) throws Exception {
    MongoFixture.load(pg, mongo);
    jointure = Jointure.connect(MongoFixture.model(pg, mongo));
    groundTruth = pg.connect("fx_mongo_truth");
  }

  @AfterAll
  static void close() throws Exception {
    jointure.close();
    groundTruth.close();
  }

  /** Checks equal rows both ways and returns the one pipeline MongoDB received. */
  private static SourceRequest pipelineFor(String sql) throws Exception {
    Jointure.clearRequests(jointure, "shop");
    List<List<Object>> actual = Jointure.rows(jointure, sql);
    List<List<Object>> expected = Jointure.rows(groundTruth, sql);
    assertEquals(expected, actual, sql);
    List<SourceRequest> requests = Jointure.requests(jointure, "shop");
    assertEquals(1, requests.size(), () -> "one pipeline, got " + requests);
    return requests.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      age = 14                                   | {"age": 14}
      age <> 14                                  | {"age": {"$nin": [14, null]}}
      age < 20                                   | {"age": {"$lt": 20}}
      age <= 20                                  | {"age": {"$lte": 20}}
      age > 70                                   | {"age": {"$gt": 70}}
      age >= 70                                  | {"age": {"$gte": 70}}
      age IN (7, 14, 21, 56)                     | {"age": {"$in": [7, 14, 21, 56]}}
      age NOT IN (7, 14, 21, 56)                 | {"age": {"$nin": [7, 14, 21, 56, null]}}
      age BETWEEN 10 AND 20                      | {"$and": [{"age": {"$gte": 10}}, {"age": {"$lte": 20}}]}
      age IS NULL                                | {"age": null}
      age IS NOT NULL AND active                 | {"age": {"$ne": null}}
      score > 600 OR "address.city" = 'Roma'     | {"$or": [{"score": {"$gt": 600.0}}, {"address.city": "Roma"}]}
      NOT active AND town_id = 3                 | {"active": false}
      name LIKE 'Person 1%'                      | {"name": {"$regex": "^Person 1.*\\\\z", "$options": "s"}}
      name ILIKE 'person 2_'                     | {"name": {"$regex": "^person 2.\\\\z", "$options": "si"}}
      name NOT LIKE 'Person%'                    | {"$not": {"$regex": "^Person.*\\\\z"
      born > TIMESTAMP '1970-06-01 00:00:00'     | {"born": {"$gt": {"$date":
      balance > 250                              | {"balance": {"$gt": 250}}
      "address.zip" < 10020                      | {"address.zip": {"$lt": 10020}}
      """)
  void filtersArePushedAsMatch(String condition, String expectedStage) throws Exception {
    SourceRequest r = pipelineFor("SELECT _id, name, age FROM shop.people WHERE " + condition
        + " ORDER BY _id");
    assertTrue(r.text().contains(expectedStage), r.text());
    // A plain query runs as find(filter, projection): the filter comes first.
    assertTrue(r.text().startsWith("db.people.find({"), r.text());
  }

  @Test
  void valuesThatLookLikeOperatorsAreMatchedLiterally() throws Exception {
    SourceRequest r = pipelineFor("SELECT name FROM shop.people WHERE name = '{\"$gt\": \"\"}'");
    assertTrue(r.text().contains("{\"name\": \"{\\\"$gt\\\": \\\"\\\"}\"}"), r.text());
    assertEquals(1, r.rows());
  }

  @Test
  void regexMetacharactersInLikePatternsMatchLiterally() throws Exception {
    SourceRequest r = pipelineFor("SELECT name FROM shop.people WHERE name LIKE 'a.b*c(%'"
        + " OR name LIKE '%^$' OR name LIKE 'a\\_b\\%c' ESCAPE '\\'");
    assertTrue(r.text().contains("a\\\\.b\\\\*c\\\\("), r.text());
    assertEquals(3, r.rows());
  }

  @Test
  void projectionKeepsOnlyTheNeededFields() throws Exception {
    SourceRequest r = pipelineFor("SELECT name, \"address.city\" FROM shop.people"
        + " ORDER BY name NULLS FIRST");
    assertTrue(r.text().contains(", {\"name\": 1, \"address.city\": 1, \"_id\": 0})"), r.text());
  }

  @Test
  void sortSkipAndLimit() throws Exception {
    SourceRequest r = pipelineFor("SELECT _id, name FROM shop.people"
        + " ORDER BY _id DESC LIMIT 7 OFFSET 3");
    assertTrue(r.text().endsWith(".sort({\"_id\": -1}).skip(3).limit(7)"), r.text());
    assertEquals(7, r.rows());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      age, _id                    | {"$sort": {"_jointure_null0": 1, "age": 1, "_id": 1}}
      age DESC, _id               | {"$sort": {"_jointure_null0": -1, "age": -1, "_id": 1}}
      age NULLS FIRST, _id        | .sort({"age": 1, "_id": 1})
      age DESC NULLS LAST, _id    | .sort({"age": -1, "_id": 1})
      "address.city", name DESC   | {"$sort": {"_jointure_null0": 1, "address.city": 1, "_jointure_null1": -1, "name": -1}}
      """)
  void sortsOrderNullsAsSqlAsks(String orderBy, String expectedStage) throws Exception {
    SourceRequest r = pipelineFor("SELECT _id, age, \"address.city\", name FROM shop.people"
        + " ORDER BY " + orderBy + " LIMIT 40");
    assertTrue(r.text().contains(expectedStage), r.text());
    assertEquals(40, r.rows());
  }

  @Test
  void groupByNestedFieldWithEveryAggregate() throws Exception {
    SourceRequest r = pipelineFor("SELECT \"address.city\", COUNT(*), COUNT(age),"
        + " COUNT(DISTINCT age), SUM(age), MIN(name), MAX(born), AVG(score), SUM(balance)"
        + " FROM shop.people GROUP BY \"address.city\" ORDER BY \"address.city\" NULLS FIRST");
    assertTrue(r.text().contains("{\"$group\": {\"_id\": {\"g0\": {\"$ifNull\": [\"$address.city\","
        + " null]}}"), r.text());
    // An int 14 and a long 14 are one value in SQL: both become longs before deduplication.
    assertTrue(r.text().contains("\"$addToSet\": {\"$convert\": {\"input\": \"$age\","
        + " \"to\": \"long\", \"onError\": \"$age\"}}"), r.text());
    assertEquals(6, r.rows(), "one document per group, the missing city included");
  }

  @Test
  void objectIdKeysFilterAsObjectIds() throws Exception {
    String hex = MongoFixture.id(42).toHexString();
    SourceRequest r = pipelineFor("SELECT _id, name FROM shop.people WHERE _id = '" + hex + "'");
    assertTrue(r.text().contains("{\"_id\": {\"$oid\": \"" + hex + "\"}}"), r.text());
    assertEquals(1, r.rows());
  }

  @Test
  void everyColumnReadsBackAsStored() throws Exception {
    pipelineFor("SELECT * FROM shop.people ORDER BY _id");
  }

  @Test
  void joinWithPostgresEqualsTheNativeJoin() throws Exception {
    String sql = "SELECT p.name, p.age, t.name FROM shop.people p JOIN crm.towns t"
        + " ON t.id = p.town_id WHERE p.age > 50 ORDER BY p.name";
    List<List<Object>> expected = Jointure.rows(groundTruth, sql);
    assertFalse(expected.isEmpty());
    assertEquals(expected, Jointure.rows(jointure, sql));
    String left = "SELECT t.name, COUNT(p._id) FROM crm.towns t LEFT JOIN shop.people p"
        + " ON p.town_id = t.id GROUP BY t.name ORDER BY t.name";
    assertEquals(Jointure.rows(groundTruth, left), Jointure.rows(jointure, left));
  }

  @Test
  void thePlannerSeesTheDocumentCount() throws Exception {
    try (Statement s = jointure.createStatement();
         ResultSet rs = s.executeQuery("EXPLAIN PLAN INCLUDING ALL ATTRIBUTES FOR"
             + " SELECT * FROM shop.people")) {
      assertTrue(rs.next());
      String plan = rs.getString(1);
      assertTrue(plan.contains("MongoTableScan(table=[[shop, people]]): rowcount = "
          + MongoFixture.PEOPLE + ".0"), plan);
    }
  }

  @Test
  void aMongoDbThatIsDownFailsTheQueryNamingTheSource() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String model = """
        version: 1
        datasources:
          gone:
            type: mongodb
            uri: mongodb://127.0.0.1:%d
            database: nothing
        """.formatted(closedPort);
    try (Connection c = Jointure.connect(model); Statement s = c.createStatement()) {
      java.sql.SQLException e = org.junit.jupiter.api.Assertions.assertThrows(
          java.sql.SQLException.class, () -> s.executeQuery("SELECT * FROM gone.anything"));
      assertTrue(e.getMessage().contains("datasource 'gone' (mongodb://127.0.0.1:" + closedPort),
          e.getMessage());
    }
  }

  @Test
  void explainShowsThePipeline() throws Exception {
    try (Statement s = jointure.createStatement();
         ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR SELECT name FROM shop.people"
             + " WHERE age = 7")) {
      assertTrue(rs.next());
      String plan = rs.getString(1);
      assertTrue(plan.contains("source=[shop], request=[db.people.find({\"age\": 7},"
          + " {\"name\": 1, \"_id\": 0})]"), plan);
    }
  }
}
