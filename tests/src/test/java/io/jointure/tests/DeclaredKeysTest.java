package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.jointure.adapter.request.SourceRequest;
import io.jointure.demo.EmbeddedPostgres;
import io.jointure.jdbc.JointureDriver;
import io.jointure.model.Model;
import io.jointure.model.ModelBuilder;
import io.jointure.model.RelationOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Relations to any unique key: a MongoDB collection's unique index is a key (a relation target,
 * a key for the planner); where a source reports no key (a MongoDB collection without an index,
 * a PostgreSQL view), the model declares one ({@code primaryKey:}, {@code uniqueKeys:}, or the
 * Java API), checked when the connection opens. Answers are compared with the same data joined
 * in one PostgreSQL database; metadata lists each foreign key once.
 */
@ExtendWith({PostgresExtension.class, MongoExtension.class})
class DeclaredKeysTest {
  private static final int PARTS = 40;
  private static final int ITEMS = 120;
  private static EmbeddedPostgres postgres;
  private static MongoExtension.TestMongo mongoServer;
  private static Connection groundTruth;

  @BeforeAll
  static void load(EmbeddedPostgres pg, MongoExtension.TestMongo mongo) throws Exception {
    postgres = pg;
    mongoServer = mongo;
    String items = "CREATE TABLE items (id int PRIMARY KEY, partkey int, qty int);"
        + "INSERT INTO items SELECT i, CASE WHEN i % 10 = 0 THEN NULL ELSE 101 + (i * 7) % "
        + PARTS + " END, i % 9 FROM generate_series(1, " + ITEMS + ") i;";
    String parts = "CREATE TABLE part_table (p_partkey int PRIMARY KEY, name text);"
        + "INSERT INTO part_table SELECT 100 + i, 'part ' || i FROM generate_series(1, " + PARTS
        + ") i;";
    pg.createDatabase("dk_pg");
    Jointure.execute(pg, "dk_pg", items + parts
        + "CREATE VIEW part_names AS SELECT p_partkey, name FROM part_table;");
    pg.createDatabase("dk_all");
    Jointure.execute(pg, "dk_all", items + parts);
    groundTruth = pg.connect("dk_all");
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      MongoDatabase db = client.getDatabase("dk_shop");
      for (String name : List.of("keyed_parts", "loose_parts")) {
        db.getCollection(name).drop();
        List<Document> documents = new ArrayList<>();
        for (int i = 1; i <= PARTS; i++) {
          // _id is no business key: the relation goes to p_partkey
          documents.add(new Document("_id", "doc-" + i).append("p_partkey", 100 + i)
              .append("name", "part " + i));
        }
        db.getCollection(name).insertMany(documents);
      }
      db.getCollection("keyed_parts").createIndex(Indexes.ascending("p_partkey"),
          new IndexOptions().unique(true));
    }
  }

  @AfterAll
  static void close() throws Exception {
    groundTruth.close();
  }

  private static String datasources() {
    return """
        version: 1
        datasources:
          pg: { type: postgresql, url: "%s", user: postgres }
          m: { type: mongodb, uri: "%s", database: dk_shop }
        """.formatted(postgres.jdbcUrl("dk_pg"), mongoServer.uri());
  }

  /** Items and their parts' names, as one database answers it. */
  private static final String NATIVE = "SELECT i.id, p.name FROM items i LEFT JOIN part_table p"
      + " ON p.p_partkey = i.partkey WHERE i.id <= 12 ORDER BY i.id";

  private static String relationTo(String collection) {
    return "  pg.items:\n    relations:\n      part: { type: ManyToOne, foreignCollection: "
        + collection + ", foreignKey: partkey, foreignKeyTarget: p_partkey }\n";
  }

  @Test
  void aUniqueIndexInMongoDbIsARelationTarget() throws Exception {
    try (Connection c = Jointure.connect(datasources() + "collections:\n"
        + relationTo("m.keyed_parts"))) {
      Jointure.clearRequests(c, "m");
      assertEquals(Jointure.rows(groundTruth, NATIVE), Jointure.rows(c,
          "SELECT id, \"part.name\" FROM pg.items_part WHERE id <= 12 ORDER BY id"));
      List<SourceRequest> requests = Jointure.requests(c, "m");
      assertEquals(1, requests.size(), requests.toString());
      assertTrue(requests.get(0).text().contains("\"p_partkey\": {\"$in\""), requests.toString());
      long keys = Long.parseLong(String.valueOf(Jointure.rows(groundTruth,
          "SELECT count(DISTINCT partkey) FROM items WHERE id <= 12").get(0).get(0)));
      assertEquals(keys, requests.get(0).rows(), "the items' parts only");
      try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, "m", "keyed_parts")) {
        assertTrue(rs.next());
        assertEquals("_id", rs.getString("COLUMN_NAME"), "the primary key stays _id");
        assertTrue(!rs.next());
      }
      List<String> unique = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getIndexInfo(null, "m", "keyed_parts", true, true)) {
        while (rs.next()) {
          unique.add(rs.getString("COLUMN_NAME") + (rs.getBoolean("NON_UNIQUE") ? "" : " unique"));
        }
      }
      assertEquals(List.of("_id unique", "p_partkey unique"), unique);
    }
  }

  @Test
  void aCollectionWithoutAKeyIsRefusedWithHowToDeclareOne() {
    SQLException e = assertThrows(SQLException.class, () -> Jointure.connect(datasources()
        + "collections:\n" + relationTo("m.loose_parts")).close());
    assertTrue(e.getMessage().contains("p_partkey is not a primary or unique key of"
        + " m.loose_parts") && e.getMessage().contains("uniqueKeys: [[p_partkey]]"),
        e.getMessage());
  }

  @Test
  void aDeclaredUniqueKeyMakesItATarget() throws Exception {
    try (Connection c = Jointure.connect(datasources() + "collections:\n"
        + "  m.loose_parts:\n    uniqueKeys: [[p_partkey]]\n" + relationTo("m.loose_parts"))) {
      assertEquals(Jointure.rows(groundTruth, NATIVE), Jointure.rows(c,
          "SELECT id, \"part.name\" FROM pg.items_part WHERE id <= 12 ORDER BY id"));
    }
  }

  @Test
  void theJavaApiDeclaresKeysToo() throws Exception {
    Model model = ModelBuilder.fromYaml("java model", datasources())
        .customizeCollection("m.loose_parts", parts -> parts.uniqueKey("p_partkey"))
        .customizeCollection("pg.items", items -> items.addManyToOneRelation("part",
            "m.loose_parts", RelationOptions.foreignKey("partkey").foreignKeyTarget("p_partkey")))
        .build();
    try (Connection c = JointureDriver.connect(model, null)) {
      assertEquals(Jointure.rows(groundTruth, NATIVE), Jointure.rows(c,
          "SELECT id, \"part.name\" FROM pg.items_part WHERE id <= 12 ORDER BY id"));
    }
  }

  /**
   * A view's declared primary key: the relation's default target, and one foreign key in
   * metadata for a ManyToOne and the OneToMany that is its inverse.
   */
  @Test
  void aViewsDeclaredPrimaryKeyAndEachForeignKeyOnce() throws Exception {
    String model = datasources() + """
        collections:
          pg.part_names:
            primaryKey: [p_partkey]
            relations:
              items: { type: OneToMany, foreignCollection: pg.items, originKey: partkey }
          pg.items:
            relations:
              part: { type: ManyToOne, foreignCollection: pg.part_names, foreignKey: partkey }
        """;
    try (Connection c = Jointure.connect(model)) {
      assertEquals(Jointure.rows(groundTruth, NATIVE), Jointure.rows(c,
          "SELECT id, \"part.name\" FROM pg.items_part WHERE id <= 12 ORDER BY id"));
      List<String> imported = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getImportedKeys(null, "pg", "items")) {
        while (rs.next()) {
          imported.add(rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME")
              + " <- " + rs.getString("FKCOLUMN_NAME"));
        }
      }
      assertEquals(List.of("part_names.p_partkey <- partkey"), imported);
      try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, "pg", "part_names")) {
        assertTrue(rs.next());
        assertEquals("p_partkey", rs.getString("COLUMN_NAME"));
      }
    }
  }

  @Test
  void aDeclaredKeyNamingNoColumnFailsTheConnection() {
    SQLException e = assertThrows(SQLException.class, () -> Jointure.connect(datasources()
        + "collections:\n  m.loose_parts:\n    uniqueKeys: [[p_partkey], [partkey]]\n").close());
    assertTrue(e.getMessage().contains("collections.m.loose_parts.uniqueKeys[1]")
        && e.getMessage().contains("unknown column 'partkey'"), e.getMessage());
  }
}
