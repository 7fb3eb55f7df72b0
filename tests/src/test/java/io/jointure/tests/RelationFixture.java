package io.jointure.tests;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.jointure.demo.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The seeds' relations across three sources: PostgreSQL {@code rl_crm} (countries, towns, mayors,
 * utility contracts, customers), PostgreSQL {@code rl_energy} (power plants) and MongoDB
 * {@code rl_shop} (people, messages). Customers have the seeds' computed key: their last
 * message's id. The ground truth {@code rl_all} holds all of it in schemas crm, energy and shop, with
 * each relation's view written by hand as a native PostgreSQL view of the same name and columns.
 * Keys are sometimes NULL, missing or dangling; some rows have no related rows.
 */
final class RelationFixture {
  private static final String CRM = """
      CREATE TABLE countries (id int PRIMARY KEY, name text NOT NULL);
      CREATE TABLE towns (id int PRIMARY KEY, name text NOT NULL, country_id int,
        population int, code text UNIQUE);
      CREATE TABLE mayors (id int PRIMARY KEY, town_id int UNIQUE, full_name text NOT NULL);
      CREATE TABLE utility_contracts (id int PRIMARY KEY, town_id int, power_plant_id int);
      INSERT INTO countries VALUES (1, 'France'), (2, 'Spain'), (3, 'Italy'), (4, 'Andorra');
      INSERT INTO towns SELECT i, 'Town ' || i,
          CASE WHEN i % 6 = 0 THEN NULL WHEN i % 9 = 0 THEN 42 ELSE 1 + i % 3 END,
          i * 1000, i::text
        FROM generate_series(1, 25) i;
      INSERT INTO mayors SELECT i, 2 * i, 'Mayor ' || i FROM generate_series(1, 12) i;
      INSERT INTO mayors VALUES (13, NULL, 'Mayor without town'), (14, 99, 'Mayor of nowhere');
      INSERT INTO utility_contracts SELECT i,
          CASE WHEN i % 10 = 0 THEN NULL ELSE 1 + i % 25 END, 1 + i % 8
        FROM generate_series(1, 40) i;
      CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
      INSERT INTO customers SELECT i, 'Customer ' || i FROM generate_series(1, 12) i;
      """;
  private static final String ENERGY = """
      CREATE TABLE power_plants (id int PRIMARY KEY, name text NOT NULL, capacity int);
      INSERT INTO power_plants SELECT i, 'Plant ' || i, i * 100 FROM generate_series(1, 6) i;
      """;
  static final String VIEWS = """
      CREATE VIEW crm.towns_country AS SELECT o.*, t.id AS "country.id", t.name AS "country.name"
        FROM crm.towns o LEFT JOIN crm.countries t ON o.country_id = t.id;
      CREATE VIEW crm.towns_mayor AS SELECT o.*, t.id AS "mayor.id", t.town_id AS "mayor.town_id",
          t.full_name AS "mayor.full_name"
        FROM crm.towns o LEFT JOIN crm.mayors t ON t.town_id = o.id;
      CREATE VIEW crm.towns_inhabitants AS SELECT o.*, t._id AS "inhabitants._id",
          t.name AS "inhabitants.name", t.town_id AS "inhabitants.town_id"
        FROM crm.towns o LEFT JOIN shop.people t ON t.town_id = o.id;
      CREATE VIEW crm."towns_energyProviders" AS SELECT o.*, x.id AS "energyProviders.id",
          x.name AS "energyProviders.name", x.capacity AS "energyProviders.capacity"
        FROM crm.towns o LEFT JOIN (SELECT th.town_id AS k, p.* FROM crm.utility_contracts th
          JOIN energy.power_plants p ON th.power_plant_id = p.id) x ON x.k = o.id;
      CREATE VIEW shop.people_town AS SELECT o.*, t.id AS "town.id", t.name AS "town.name",
          t.country_id AS "town.country_id", t.population AS "town.population",
          t.code AS "town.code"
        FROM shop.people o LEFT JOIN crm.towns t ON o.town_id = t.id;
      ALTER TABLE crm.customers RENAME TO customers_base;
      CREATE VIEW crm.customers AS SELECT c.*, CAST((SELECT MAX(m._id)
          FROM shop.messages m WHERE m.customer_id = c.id) AS integer) AS "lastMessageId"
        FROM crm.customers_base c;
      CREATE VIEW crm."customers_lastMessage" AS SELECT o.*, t._id AS "lastMessage._id",
          t.customer_id AS "lastMessage.customer_id", t.text AS "lastMessage.text"
        FROM crm.customers o LEFT JOIN shop.messages t ON o."lastMessageId" = t._id;
      CREATE VIEW shop."people_townByCode" AS SELECT o.*, t.id AS "townByCode.id",
          t.name AS "townByCode.name", t.country_id AS "townByCode.country_id",
          t.population AS "townByCode.population", t.code AS "townByCode.code"
        FROM shop.people o LEFT JOIN crm.towns t ON CAST(o.town_id AS varchar) = t.code;
      """;

  private static boolean loaded;

  private RelationFixture() {
  }

  static synchronized void load(EmbeddedPostgres pg, MongoExtension.TestMongo mongo)
      throws Exception {
    if (loaded) {
      return;
    }
    pg.createDatabase("rl_crm");
    pg.createDatabase("rl_energy");
    pg.createDatabase("rl_all");
    Jointure.execute(pg, "rl_crm", CRM + "ANALYZE;");
    Jointure.execute(pg, "rl_energy", ENERGY + "ANALYZE;");
    Jointure.execute(pg, "rl_all", "CREATE SCHEMA crm; CREATE SCHEMA energy; CREATE SCHEMA shop;"
        + "SET search_path = crm;" + CRM + "SET search_path = energy;" + ENERGY
        + "CREATE TABLE shop.people (_id int PRIMARY KEY, name text, town_id int);"
        + "CREATE TABLE shop.messages (_id int PRIMARY KEY, customer_id int, text text);"
        + "INSERT INTO shop.messages SELECT i, CASE WHEN i % 9 = 0 THEN NULL ELSE 1 + i % 10"
        + " END, 'message ' || i FROM generate_series(1, 50) i;");
    List<Document> people = new ArrayList<>();
    try (Connection c = pg.connect("rl_all");
         PreparedStatement insert = c.prepareStatement("INSERT INTO shop.people VALUES (?, ?, ?)")) {
      for (int i = 1; i <= 60; i++) {
        Document person = new Document("_id", i).append("name", "P" + i);
        insert.setInt(1, i);
        insert.setString(2, "P" + i);
        if (i % 7 == 0) {
          person.append("town_id", null);
          insert.setNull(3, Types.INTEGER);
        } else if (i % 11 == 0) {
          insert.setNull(3, Types.INTEGER); // missing in MongoDB
        } else {
          int town = i % 13 == 0 ? 99 : 1 + i % 20;
          person.append("town_id", town);
          insert.setInt(3, town);
        }
        people.add(person);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    Jointure.execute(pg, "rl_all", VIEWS + "ANALYZE;");
    List<Document> messages = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      messages.add(new Document("_id", i).append("customer_id", i % 9 == 0 ? null : 1 + i % 10)
          .append("text", "message " + i));
    }
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      MongoCollection<Document> collection = client.getDatabase("rl_shop")
          .getCollection("people");
      collection.drop();
      collection.insertMany(people);
      MongoCollection<Document> messageCollection = client.getDatabase("rl_shop")
          .getCollection("messages");
      messageCollection.drop();
      messageCollection.insertMany(messages);
    }
    loaded = true;
  }

  static String datasources(EmbeddedPostgres pg, MongoExtension.TestMongo mongo) {
    return """
        version: 1
        datasources:
          crm: { type: postgresql, url: "%s", user: postgres }
          energy: { type: postgresql, url: "%s", user: postgres }
          shop: { type: mongodb, uri: "%s", database: rl_shop }
        """.formatted(pg.jdbcUrl("rl_crm"), pg.jdbcUrl("rl_energy"), mongo.uri());
  }

  static String model(EmbeddedPostgres pg, MongoExtension.TestMongo mongo) {
    return datasources(pg, mongo) + """
        collections:
          crm.towns:
            relations:
              country: { type: ManyToOne, foreignCollection: crm.countries, foreignKey: country_id }
              mayor: { type: OneToOne, foreignCollection: crm.mayors, originKey: town_id }
              inhabitants: { type: OneToMany, foreignCollection: shop.people, originKey: town_id }
              energyProviders: { type: ManyToMany, foreignCollection: energy.power_plants,
                                 throughCollection: crm.utility_contracts, originKey: town_id,
                                 foreignKey: power_plant_id }
          crm.customers:
            fields:
              lastMessageId: { type: INTEGER,
                sql: "(SELECT MAX(m._id) FROM shop.messages m WHERE m.customer_id = customers.id)" }
            relations:
              lastMessage: { type: ManyToOne, foreignCollection: shop.messages,
                             foreignKey: lastMessageId }
          shop.people:
            relations:
              town: { type: ManyToOne, foreignCollection: crm.towns, foreignKey: town_id }
              townByCode: { type: ManyToOne, foreignCollection: crm.towns, foreignKey: town_id,
                            foreignKeyTarget: code, compareAs: VARCHAR }
        """;
  }
}
