package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Columns and types inferred from sampled documents, or declared in the model. */
@ExtendWith(MongoExtension.class)
class MongoInferenceTest {
  private static final String DATABASE = "fx_shapes";
  private static MongoExtension.TestMongo mongo;

  @BeforeAll
  static void load(MongoExtension.TestMongo testMongo) {
    mongo = testMongo;
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      MongoCollection<Document> shapes = client.getDatabase(DATABASE).getCollection("shapes");
      shapes.drop();
      shapes.insertMany(List.of(
          new Document("_id", 1).append("n", 1).append("widened", 1).append("mixed", 1)
              .append("text", 1).append("nested", new Document("a", new Document("b", "x")))
              .append("ints", List.of(1, 2)).append("numbers", List.of(1, 2.5))
              .append("docs", List.of(new Document("k", 1)))
              .append("at", new Date(86_400_000L)).append("dec", new Decimal128(
                  new BigDecimal("12.345"))).append("bin", new Binary(new byte[] {1, 2}))
              .append("flag", true).append("empty", null),
          new Document("_id", 2).append("n", 2).append("widened", 2L).append("mixed", 2.5)
              .append("text", "two").append("late", "only here")
              .append("nested", new Document("a", new Document("b", "y").append("c", 3)))));
    }
  }

  private static String model(String extra) {
    return """
        version: 1
        datasources:
          m:
            type: mongodb
            uri: %s
            database: %s
        """.formatted(mongo.uri(), DATABASE) + extra;
  }

  /** Column name to [JDBC type, type name, nullable]. */
  private static Map<String, List<Object>> columns(Connection c) throws SQLException {
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    try (ResultSet rs = c.getMetaData().getColumns(null, "m", "shapes", null)) {
      while (rs.next()) {
        columns.put(rs.getString("COLUMN_NAME"), List.of(rs.getInt("DATA_TYPE"),
            rs.getString("TYPE_NAME"), rs.getInt("NULLABLE")));
      }
    }
    return columns;
  }

  @Test
  void inferredColumnsFlattenWidenAndType() throws Exception {
    try (Connection c = Jointure.connect(model(""))) {
      Map<String, List<Object>> columns = columns(c);
      assertEquals(List.of("_id", "n", "widened", "mixed", "text", "nested.a.b", "ints",
          "numbers", "docs", "at", "dec", "bin", "flag", "empty", "late", "nested.a.c"),
          List.copyOf(columns.keySet()));
      assertEquals(Types.INTEGER, columns.get("_id").get(0));
      assertEquals(0, columns.get("_id").get(2), "_id is NOT NULL");
      assertEquals(Types.INTEGER, columns.get("n").get(0));
      assertEquals(1, columns.get("n").get(2), "fields are nullable");
      assertEquals(Types.BIGINT, columns.get("widened").get(0), "int + long");
      assertEquals(Types.DOUBLE, columns.get("mixed").get(0), "int + double");
      assertEquals(Types.VARCHAR, columns.get("text").get(0), "int + string");
      assertEquals(Types.VARCHAR, columns.get("nested.a.b").get(0));
      assertEquals("INTEGER ARRAY", columns.get("ints").get(1));
      assertEquals("DOUBLE ARRAY", columns.get("numbers").get(1));
      assertEquals("VARCHAR ARRAY", columns.get("docs").get(1));
      assertEquals(Types.TIMESTAMP, columns.get("at").get(0));
      assertEquals(Types.DECIMAL, columns.get("dec").get(0));
      assertEquals(Types.VARBINARY, columns.get("bin").get(0));
      assertEquals(Types.BOOLEAN, columns.get("flag").get(0));
      assertEquals(Types.VARCHAR, columns.get("empty").get(0), "only ever null");

      assertEquals(List.of(Arrays.asList("1", "1", "1", "1", "x", null, List.of("1", "2"),
              List.of("1", "2.5"), List.of("{\"k\": 1}"), "12.345", true),
              Arrays.asList("2", "2", "2", "2.5", "y", "only here", null, null, null, null,
                  null)),
          Jointure.rows(c, "SELECT _id, n, widened, mixed, \"nested.a.b\", late, ints, numbers,"
              + " docs, \"dec\", flag FROM m.shapes ORDER BY _id"));
      // IS NULL matches a field that is null and one that is missing alike.
      assertEquals(List.of(List.of("1"), List.of("2")),
          Jointure.rows(c, "SELECT _id FROM m.shapes WHERE \"empty\" IS NULL ORDER BY _id"));
    }
  }

  @Test
  void aSmallSampleMissesFieldsAndValuesThatDoNotFitAreExplained() throws Exception {
    try (Connection c = Jointure.connect(model("    sampleSize: 1\n"))) {
      assertTrue(!columns(c).containsKey("late"), "late appears after the sample");
      SQLException e = assertThrows(SQLException.class, () -> {
        try (Statement s = c.createStatement()) {
          Jointure.rows(s.executeQuery("SELECT text FROM m.shapes"));
        }
      });
      assertTrue(e.getMessage().contains("collection 'shapes', field 'text': a String value (two)"
          + " where the column is INTEGER"), e.getMessage());
      assertTrue(e.getMessage().contains("datasources.m.collections.shapes.schema"),
          e.getMessage());
    }
  }

  @Test
  void declaredColumnsReplaceSampling() throws Exception {
    String pinned = """
            collections:
              shapes:
                schema: { _id: BIGINT, text: VARCHAR, "nested.a.c": DOUBLE, ints: BIGINT ARRAY }
        """;
    try (Connection c = Jointure.connect(model(pinned))) {
      assertEquals(List.of("_id", "text", "nested.a.c", "ints"), List.copyOf(columns(c).keySet()));
      assertEquals(List.of(Arrays.asList("1", "1", null, List.of("1", "2")),
              Arrays.asList("2", "two", "3", null)),
          Jointure.rows(c, "SELECT * FROM m.shapes ORDER BY _id"));
    }
  }
}
