package io.jointure.tests;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.jointure.demo.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * People documents in MongoDB (database {@code fx_shop}, collection {@code people}) and the same
 * rows in PostgreSQL ({@code fx_mongo_truth}, table {@code shop.people}, one column per flattened
 * field), so that one SQL text has a native answer to compare with. Towns live in PostgreSQL
 * ({@code fx_mongo_towns}, and {@code crm.towns} of the ground truth) for joins across sources.
 * The documents vary as real ones do: missing fields, nulls, int and long in one field, nested
 * documents, arrays, and strings that look like query operators or regex syntax.
 */
final class MongoFixture {
  static final int PEOPLE = 500;
  static final String DATABASE = "fx_shop";
  private static final String[] CITIES = {"Paris", "Lyon", "Madrid", "Roma", "Sevilla"};

  private static boolean loaded;

  private MongoFixture() {
  }

  static String specialName(int i) {
    return switch (i) {
      case 1 -> "{\"$gt\": \"\"}";
      case 2 -> "a.b*c(d)";
      case 3 -> "a_b%c";
      case 4 -> "ünïcode ^$";
      default -> "Person " + i;
    };
  }

  static ObjectId id(int i) {
    return new ObjectId(String.format("%024x", i));
  }

  static synchronized void load(EmbeddedPostgres pg, MongoExtension.TestMongo mongo)
      throws Exception {
    if (loaded) {
      return;
    }
    List<Document> documents = new ArrayList<>();
    pg.createDatabase("fx_mongo_truth");
    pg.createDatabase("fx_mongo_towns");
    String towns = "CREATE TABLE towns (id int PRIMARY KEY, name text NOT NULL);"
        + "INSERT INTO towns SELECT g, 'Town ' || g FROM generate_series(1, 30) g;";
    Jointure.execute(pg, "fx_mongo_towns", towns + "ANALYZE;");
    Jointure.execute(pg, "fx_mongo_truth", "CREATE SCHEMA crm; CREATE SCHEMA shop;"
        + "SET search_path = crm;" + towns + """
        CREATE TABLE shop.people (_id text PRIMARY KEY, name text, age bigint,
          score double precision, balance numeric, active boolean, born timestamptz,
          "address.city" text, "address.zip" int, tags text[], town_id int);
        """);
    try (Connection c = pg.connect("fx_mongo_truth");
         PreparedStatement insert = c.prepareStatement(
             "INSERT INTO shop.people VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 1; i <= PEOPLE; i++) {
        Document d = new Document("_id", id(i)).append("name", specialName(i));
        insert.setString(1, id(i).toHexString());
        insert.setString(2, specialName(i));
        if (i % 11 == 0) {
          insert.setNull(3, Types.BIGINT); // missing
        } else if (i % 13 == 0) {
          d.append("age", null);
          insert.setNull(3, Types.BIGINT);
        } else {
          int age = (i * 7) % 90;
          d.append("age", i % 17 == 0 ? (Object) (long) age : (Object) age);
          insert.setLong(3, age);
        }
        if (i % 19 == 0) {
          insert.setNull(4, Types.DOUBLE);
        } else {
          d.append("score", i * 1.5);
          insert.setDouble(4, i * 1.5);
        }
        BigDecimal balance = new BigDecimal(i + ".25");
        d.append("balance", new Decimal128(balance));
        insert.setBigDecimal(5, balance);
        d.append("active", i % 2 == 0);
        insert.setBoolean(6, i % 2 == 0);
        Instant born = Instant.parse("1970-01-01T00:00:00Z").plusSeconds(i * 86_400L + i * 2221L)
            .plusMillis(i);
        d.append("born", Date.from(born));
        insert.setTimestamp(7, Timestamp.from(born));
        if (i % 23 == 0) {
          insert.setNull(8, Types.VARCHAR);
          insert.setNull(9, Types.INTEGER);
        } else {
          d.append("address", new Document("city", CITIES[i % CITIES.length])
              .append("zip", 10000 + i));
          insert.setString(8, CITIES[i % CITIES.length]);
          insert.setInt(9, 10000 + i);
        }
        if (i % 31 == 0) {
          insert.setNull(10, Types.ARRAY);
        } else {
          List<String> tags = i % 29 == 0 ? List.of() : List.of("t" + (i % 3), "x");
          d.append("tags", tags);
          insert.setArray(10, c.createArrayOf("text", tags.toArray()));
        }
        if (i % 37 == 0) {
          d.append("town_id", null);
          insert.setNull(11, Types.INTEGER);
        } else {
          d.append("town_id", i % 40);
          insert.setInt(11, i % 40);
        }
        documents.add(d);
        insert.addBatch();
      }
      insert.executeBatch();
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      }
    }
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      MongoCollection<Document> people = client.getDatabase(DATABASE).getCollection("people");
      people.drop();
      people.insertMany(documents);
    }
    loaded = true;
  }

  /** Jointure's model: MongoDB as {@code shop}, the towns database as {@code crm}. */
  static String model(EmbeddedPostgres pg, MongoExtension.TestMongo mongo) {
    return """
        version: 1
        datasources:
          shop:
            type: mongodb
            uri: %s
            database: %s
            sampleSize: %d
          crm:
            type: postgresql
            url: %s
            user: postgres
        """.formatted(mongo.uri(), DATABASE, PEOPLE, pg.jdbcUrl("fx_mongo_towns"));
  }
}
