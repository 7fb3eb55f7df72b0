package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.jointure.adapter.request.SourceRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where MongoDB's semantics differ from SQL's, Jointure keeps SQL's: such work stays in Calcite
 * rather than being pushed into a pipeline that would answer differently.
 */
@ExtendWith(MongoExtension.class)
class MongoSemanticsTest {
  private static final ObjectId OWNER = new ObjectId("65a0000000000000000000aa");
  private static Connection jointure;

  @BeforeAll
  static void load(MongoExtension.TestMongo mongo) throws Exception {
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      MongoCollection<Document> things = client.getDatabase("fx_semantics")
          .getCollection("things");
      things.drop();
      things.insertMany(List.of(
          new Document("_id", new ObjectId("65a000000000000000000001")).append("code", 12)
              .append("name", "abc").append("owner", OWNER).append("n", 1),
          new Document("_id", new ObjectId("65a000000000000000000002")).append("code", "12")
              .append("name", "abc\n").append("owner", new ObjectId()).append("n", 1),
          new Document("_id", new ObjectId("65a000000000000000000003")).append("code", "9")
              .append("name", "abd").append("n", 0),
          new Document("_id", new ObjectId("65b000000000000000000004")).append("code", 5)
              .append("name", "x").append("n", 5_000_000_000L)));
    }
    jointure = Jointure.connect("""
        version: 1
        datasources:
          m:
            type: mongodb
            uri: %s
            database: fx_semantics
        """.formatted(mongo.uri()));
  }

  @AfterAll
  static void close() throws Exception {
    jointure.close();
  }

  private static SourceRequest onlyRequest() throws SQLException {
    List<SourceRequest> requests = Jointure.requests(jointure, "m");
    assertEquals(1, requests.size(), requests.toString());
    return requests.get(0);
  }

  private static List<List<Object>> query(String sql) throws SQLException {
    Jointure.clearRequests(jointure, "m");
    return Jointure.rows(jointure, sql);
  }

  @Test
  void aColumnOfNumbersAndStringsIsComparedAsText() throws Exception {
    // MongoDB never finds the number 12 equal to the string '12'; SQL sees both as '12'.
    assertEquals(List.of(List.of("12"), List.of("12")),
        query("SELECT code FROM m.things WHERE code = '12'"));
    assertFalse(onlyRequest().text().contains("code\": {"), onlyRequest().text());
    assertEquals(List.of(List.of("12"), List.of("12"), List.of("5"), List.of("9")),
        query("SELECT code FROM m.things ORDER BY code"));
  }

  @Test
  void likeDoesNotMatchATrailingLineBreak() throws Exception {
    assertEquals(List.of(List.of("abc")), query("SELECT name FROM m.things WHERE name LIKE 'abc'"));
    assertTrue(onlyRequest().text().contains("$regex"), onlyRequest().text());
  }

  @Test
  void objectIdFieldsFilterByTheirHexStrings() throws Exception {
    assertEquals(List.of(List.of("abc")), query("SELECT name FROM m.things WHERE owner = '"
        + OWNER.toHexString() + "'"));
    assertTrue(onlyRequest().text().contains("{\"$oid\": \"" + OWNER.toHexString() + "\"}"),
        onlyRequest().text());
    // Upper-case hex is not what SQL shows, so it matches nothing.
    assertEquals(List.of(), query("SELECT name FROM m.things WHERE owner = '"
        + OWNER.toHexString().toUpperCase() + "'"));
    // Prefixes and ranges of the hex text are SQL string operations: Calcite does them.
    assertEquals(List.of(List.of("abc"), List.of("abc\n"), List.of("abd")),
        query("SELECT name FROM m.things WHERE _id LIKE '65a%' ORDER BY _id"));
    assertEquals(List.of(List.of("x")),
        query("SELECT name FROM m.things WHERE _id > '65a1' ORDER BY _id"));
  }

  @Test
  void numbersThatDoNotFitTheirColumnAreAnError() {
    SQLException e = assertThrows(SQLException.class,
        () -> query("SELECT CAST(n AS INTEGER) FROM m.things"));
    assertTrue(e.getMessage().contains("5000000000"), e.getMessage());
  }

  @Test
  void averagesOfIntegersAreExact() throws Exception {
    List<List<Object>> rows = query("SELECT code, AVG(n) FROM m.things WHERE n < 2"
        + " GROUP BY code ORDER BY code");
    // SQL sees the number 12 and the string "12" as one group.
    assertEquals(List.of(List.of("12", "1"), List.of("9", "0")), rows);
  }

  @Test
  void computedColumnsFetchOnlyTheFieldsTheyRead() throws Exception {
    assertEquals(List.of(List.of("ABC"), List.of("ABC\n"), List.of("ABD"), List.of("X")),
        query("SELECT upper(name) FROM m.things ORDER BY 1"));
    assertTrue(onlyRequest().text().contains(", {\"name\": 1, \"_id\": 0})"),
        onlyRequest().text());
  }
}
