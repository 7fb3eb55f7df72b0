package io.jointure.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

/**
 * The seeds' example domain split over two sources: PostgreSQL database {@code crm} holds
 * countries, towns and mayors; MongoDB database {@code shop} holds the people who live in the
 * towns, as documents with a nested address and tags.
 */
public final class SampleData {
  private SampleData() {
  }

  public static void load(EmbeddedPostgres pg, EmbeddedMongo mongo) throws SQLException {
    pg.createDatabase("crm");
    try (Connection c = pg.connect("crm"); Statement s = c.createStatement()) {
      s.execute("""
          CREATE TABLE countries (id int PRIMARY KEY, name text NOT NULL UNIQUE, code char(2));
          CREATE TABLE towns (id int PRIMARY KEY, name text NOT NULL,
            country_id int REFERENCES countries(id), population int);
          CREATE TABLE mayors (id int PRIMARY KEY, town_id int UNIQUE REFERENCES towns(id),
            full_name text NOT NULL, elected_on date);
          INSERT INTO countries VALUES (1, 'France', 'FR'), (2, 'Spain', 'ES'), (3, 'Italy', 'IT');
          INSERT INTO towns VALUES (1, 'Paris', 1, 2102650), (2, 'Lyon', 1, 522250),
            (3, 'Madrid', 2, 3332035), (4, 'Sevilla', 2, 681998), (5, 'Roma', 3, 2748109),
            (6, 'Nowhere', NULL, 12);
          INSERT INTO mayors VALUES (1, 1, 'Anne Hidalgo', '2014-04-05'),
            (2, 3, 'José Luis Martínez-Almeida', '2019-06-15'), (3, 5, 'Roberto Gualtieri', '2021-10-21');
          ANALYZE;
          """);
    }
    String[] streets = {"Rue de Rivoli", "Gran Via", "Via del Corso", "Calle Sierpes"};
    List<Document> people = new ArrayList<>();
    for (int i = 1; i <= 600; i++) {
      people.add(new Document("first_name", "First" + i).append("last_name", "Last" + i)
          .append("town_id", 1 + i % 6).append("age", 18 + (i * 7) % 70)
          .append("address", new Document("street", streets[i % streets.length])
              .append("number", i % 120))
          .append("tags", i % 3 == 0 ? List.of("newsletter", "vip") : List.of("newsletter")));
    }
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      client.getDatabase("shop").getCollection("people").insertMany(people);
    }
  }

  /** A model naming both sources and the seeds' relations between them. */
  public static String model(EmbeddedPostgres pg, EmbeddedMongo mongo) {
    return """
        version: 1
        datasources:
          crm:
            type: postgresql
            url: %s
            user: %s
          shop:
            type: mongodb
            uri: %s
            database: shop
        collections:
          crm.towns:
            relations:
              country: { type: ManyToOne, foreignCollection: crm.countries, foreignKey: country_id }
              mayor: { type: OneToOne, foreignCollection: crm.mayors, originKey: town_id }
              inhabitants: { type: OneToMany, foreignCollection: shop.people, originKey: town_id }
          shop.people:
            relations:
              town: { type: ManyToOne, foreignCollection: crm.towns, foreignKey: town_id }
        """.formatted(pg.jdbcUrl("crm"), EmbeddedPostgres.USER, mongo.uri());
  }
}
