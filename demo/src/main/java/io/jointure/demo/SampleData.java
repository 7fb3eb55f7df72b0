package io.jointure.demo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.jointure.demo.api.ApiCollection;
import io.jointure.demo.api.JsonApiServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The seeds' example domain, spread over several sources as a real company's would be:
 * <ul>
 *   <li>PostgreSQL database {@code crm}: countries, towns, mayors, utility contracts, customers;
 *   <li>PostgreSQL database {@code energy}: power plants;
 *   <li>PostgreSQL database {@code library}: books;
 *   <li>MongoDB database {@code shop}: people (with a nested address), messages, authors;
 *   <li>an HTTP API ({@link #serveApi}): payments, as a payment processor serves them, and the
 *   honorary citizens of each town;
 *   <li>a GraphQL API ({@link io.jointure.demo.graphql.LibraryApi}): the towns' libraries, their
 *   books and authors.
 * </ul>
 * The model declares the seeds' relations between them (towns' country, mayor, inhabitants and
 * energy providers; customers' payments and last message; books' author).
 */
public final class SampleData {
  /** Authors in the shop's catalogue; the library holds books by the first three. */
  public static final int CATALOGUE_AUTHORS = 2000;

  private SampleData() {
  }

  public static void load(EmbeddedPostgres pg, EmbeddedMongo mongo) throws SQLException {
    loadSql(pg, "crm", """
        CREATE TABLE countries (id int PRIMARY KEY, name text NOT NULL UNIQUE, code char(2));
        CREATE TABLE towns (id int PRIMARY KEY, name text NOT NULL,
          country_id int REFERENCES countries(id), population int);
        CREATE TABLE mayors (id int PRIMARY KEY, town_id int UNIQUE REFERENCES towns(id),
          full_name text NOT NULL, elected_on date);
        CREATE TABLE utility_contracts (id int PRIMARY KEY, town_id int NOT NULL REFERENCES towns(id),
          power_plant_id int NOT NULL, signed_on date);
        CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, email text,
          town_id int REFERENCES towns(id));
        INSERT INTO countries VALUES (1, 'France', 'FR'), (2, 'Spain', 'ES'), (3, 'Italy', 'IT');
        INSERT INTO towns VALUES (1, 'Paris', 1, 2102650), (2, 'Lyon', 1, 522250),
          (3, 'Madrid', 2, 3332035), (4, 'Sevilla', 2, 681998), (5, 'Roma', 3, 2748109),
          (6, 'Nowhere', NULL, 12);
        INSERT INTO mayors VALUES (1, 1, 'Anne Hidalgo', '2014-04-05'),
          (2, 3, 'José Luis Martínez-Almeida', '2019-06-15'),
          (3, 5, 'Roberto Gualtieri', '2021-10-21');
        INSERT INTO utility_contracts VALUES (1, 1, 1, '2015-01-01'), (2, 1, 2, '2018-06-01'),
          (3, 2, 1, '2016-03-15'), (4, 3, 3, '2012-09-30'), (5, 4, 3, '2019-01-01'),
          (6, 4, 4, '2020-07-01'), (7, 5, 5, '2011-11-11');
        INSERT INTO customers
          SELECT g, 'Customer ' || g, 'customer' || g || '@example.com', 1 + g % 6
          FROM generate_series(1, 40) g;
        """);
    loadSql(pg, "energy", """
        CREATE TABLE power_plants (id int PRIMARY KEY, name text NOT NULL, kind text,
          capacity_mw int);
        INSERT INTO power_plants VALUES (1, 'Nogent', 'nuclear', 2620),
          (2, 'Seine Solar', 'solar', 45), (3, 'Almaraz', 'nuclear', 2017),
          (4, 'Andasol', 'solar', 150), (5, 'Montalto', 'gas', 3600);
        """);
    loadSql(pg, "library", """
        CREATE TABLE books (id int PRIMARY KEY, title text NOT NULL, author_id int,
          published int);
        INSERT INTO books VALUES (1, 'Foundation', 1, 1951), (2, 'Foundation and Empire', 1, 1952),
          (3, 'I, Robot', 1, 1950), (4, 'Dune', 2, 1965), (5, 'The Left Hand of Darkness', 3, 1969),
          (6, 'The Dispossessed', 3, 1974), (7, 'Anonymous Poems', NULL, 1900);
        """);
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      loadShop(client.getDatabase("shop"));
    }
  }

  private static void loadSql(EmbeddedPostgres pg, String database, String sql)
      throws SQLException {
    pg.createDatabase(database);
    try (Connection c = pg.connect(database); Statement s = c.createStatement()) {
      s.execute(sql + "ANALYZE;");
    }
  }

  private static void loadShop(MongoDatabase shop) {
    String[] streets = {"Rue de Rivoli", "Gran Via", "Via del Corso", "Calle Sierpes"};
    List<Document> people = new ArrayList<>();
    for (int i = 1; i <= 600; i++) {
      people.add(new Document("first_name", "First" + i).append("last_name", "Last" + i)
          .append("town_id", 1 + i % 6).append("age", 18 + (i * 7) % 70)
          .append("address", new Document("street", streets[i % streets.length])
              .append("number", i % 120))
          .append("tags", i % 3 == 0 ? List.of("newsletter", "vip") : List.of("newsletter")));
    }
    shop.getCollection("people").insertMany(people);

    Instant start = Instant.parse("2025-01-01T09:00:00Z");
    List<Document> messages = new ArrayList<>();
    for (long id = 1; id <= 200; id++) {
      messages.add(new Document("_id", id).append("customer_id", (int) (1 + (id * 11) % 35))
          .append("sent_at", Date.from(start.plus(id * 5, ChronoUnit.HOURS)))
          .append("text", "Message " + id));
    }
    shop.getCollection("messages").insertMany(messages);

    // A shop's catalogue knows many more authors than the library has books by: a join from a
    // few books asks MongoDB for their authors by key instead of reading them all.
    List<Document> authors = new ArrayList<>(List.of(
        new Document("_id", 1).append("first_name", "Isaac").append("last_name", "Asimov"),
        new Document("_id", 2).append("first_name", "Frank").append("last_name", "Herbert"),
        new Document("_id", 3).append("first_name", "Ursula").append("last_name", "Le Guin")));
    for (int id = 4; id <= CATALOGUE_AUTHORS; id++) {
      authors.add(new Document("_id", id).append("first_name", "Author")
          .append("last_name", "No. " + id));
    }
    shop.getCollection("authors").insertMany(authors);
  }

  /**
   * The payment processor's HTTP API: {@code GET /payments} (pages of 50, filterable by customer
   * ids and status, sortable by amount) and {@code GET /cities/{id}/honorary-citizens}.
   */
  public static void serveApi(JsonApiServer api) {
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    List<Map<String, Object>> payments = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      Map<String, Object> payment = new LinkedHashMap<>();
      payment.put("id", i);
      payment.put("customer_id", 1 + (i * 13) % 45);
      payment.put("amount", BigDecimal.valueOf(500 + (i * 37) % 9500, 2));
      payment.put("paid_at", start.plus(i * 11L, ChronoUnit.HOURS).toString());
      payment.put("status", i % 10 == 0 ? "refunded" : "paid");
      payments.add(payment);
    }
    api.collection("/payments", payments).envelope("/data").pagePagination("page", "per_page", 1)
        .listFilterParam("customer_id", "customer_id",
            ApiCollection.ListStyle.COMMA)
        .filterParam("status", "status").sortParam("sort");
    String[][] citizens = {{"Marie", "Curie"}, {"Victor", "Hugo"}, {"Miguel", "de Cervantes"},
        {"Sophia", "Loren"}, {"Federico", "Fellini"}};
    api.route("/cities/{id}/honorary-citizens", (path, query) -> {
      int town = Integer.parseInt(path.get("id"));
      List<Map<String, Object>> honorary = new ArrayList<>();
      for (int k = 0; k < town % 3; k++) {
        String[] name = citizens[(town + k) % citizens.length];
        honorary.add(Map.of("firstName", name[0], "lastName", name[1]));
      }
      return honorary;
    });
  }

  /**
   * A model naming every source and the seeds' relations between them. Customer ids 41 to 45
   * have payments but no customer row, as happens across systems.
   */
  public static String model(EmbeddedPostgres pg, EmbeddedMongo mongo, String apiBase,
      String graphQlUrl) {
    return """
        version: 1
        datasources:
          crm:
            type: postgresql
            url: %1$s
            user: %4$s
          energy:
            type: postgresql
            url: %2$s
            user: %4$s
          library:
            type: postgresql
            url: %3$s
            user: %4$s
          shop:
            type: mongodb
            uri: %5$s
            database: shop
          billing:
            type: rest
            baseUrl: %6$s
            collections:
              payments:
                path: /payments
                records: /data
                primaryKey: id
                rowCount: 300
                schema: { id: BIGINT, customer_id: INTEGER, amount: "DECIMAL(10,2)",
                          paid_at: TIMESTAMP, status: VARCHAR }
                pagination: { type: page, pageParameter: page, sizeParameter: per_page, size: 50 }
                filters:
                  customer_id: { parameter: customer_id, list: comma }
                  status: { parameter: status }
                sort: { parameter: sort, descendingPrefix: "-", columns: [amount] }
          branches:
            type: graphql
            url: %7$s
            scalars: { DateTime: TIMESTAMP }
            collections:
              libraries: { rowCount: 12 }
              books:
                rowCount: 120
                orderBy:
                  argument: orderBy
                  ascending: { field: "{COLUMN}", direction: ASC }
                  descending: { field: "{COLUMN}", direction: DESC }
                  columns: [pages, published]
        collections:
          crm.towns:
            relations:
              country: { type: ManyToOne, foreignCollection: crm.countries, foreignKey: country_id }
              mayor: { type: OneToOne, foreignCollection: crm.mayors, originKey: town_id }
              inhabitants: { type: OneToMany, foreignCollection: shop.people, originKey: town_id }
              energyProviders: { type: ManyToMany, foreignCollection: energy.power_plants,
                                 throughCollection: crm.utility_contracts,
                                 originKey: town_id, foreignKey: power_plant_id }
              honoraryCitizen: { type: External, url: "%6$s/cities/{id}/honorary-citizens",
                                 schema: { firstName: String, lastName: String } }
              libraries: { type: OneToMany, foreignCollection: branches.libraries,
                           originKey: townId }
          shop.people:
            relations:
              town: { type: ManyToOne, foreignCollection: crm.towns, foreignKey: town_id }
          crm.customers:
            fields:
              lastMessageId: { type: BIGINT, sql: "(SELECT MAX(m._id) FROM shop.messages m WHERE m.customer_id = customers.id)" }
            relations:
              payments: { type: OneToMany, foreignCollection: billing.payments, originKey: customer_id }
              lastMessage: { type: ManyToOne, foreignCollection: shop.messages, foreignKey: lastMessageId }
          billing.payments:
            relations:
              customer: { type: ManyToOne, foreignCollection: crm.customers, foreignKey: customer_id }
          library.books:
            relations:
              author: { type: ManyToOne, foreignCollection: shop.authors, foreignKey: author_id }
        """.formatted(pg.jdbcUrl("crm"), pg.jdbcUrl("energy"), pg.jdbcUrl("library"),
        EmbeddedPostgres.USER, mongo.uri(), apiBase, graphQlUrl);
  }
}
