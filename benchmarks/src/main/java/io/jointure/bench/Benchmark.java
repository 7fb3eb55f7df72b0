package io.jointure.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.jointure.adapter.SourceRegistry;
import io.jointure.demo.EmbeddedMongo;
import io.jointure.demo.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.bson.Document;

/**
 * BI-style queries over data split across two PostgreSQL databases and MongoDB, each run three
 * ways in the same process: natively in one PostgreSQL database holding all the data (the
 * baseline), through Jointure, and through Jointure with its relation rules off (stock Calcite
 * planning). Prints, per query, the median time, the rows each source sent, the rows in the
 * answer, and the ratios. Not part of the test run: {@code ./jointure bench}.
 */
public final class Benchmark {
  static final int ORDERS = 1_000_000;
  static final int PEOPLE = 100_000;
  static final int TOWNS = 10_000;
  static final int COUNTRIES = 20;
  static final int RUNS = 5;
  private static final List<String> SOURCES = List.of("crm", "sales", "shop");

  private static final String[][] QUERIES = {
      {"selective lookup across sources",
          "SELECT p.name, t.name FROM shop.people p JOIN crm.towns t ON t.id = p.town_id"
              + " WHERE p._id = 4242"},
      {"filter on a related column (orders of one town)",
          "SELECT COUNT(*), SUM(o.amount) FROM sales.orders o JOIN crm.towns t"
              + " ON t.id = o.town_id WHERE t.name = 'Town 77'"},
      {"top-N over a relation view",
          "SELECT id, name, \"country.name\" FROM crm.towns_country ORDER BY name LIMIT 20"},
      {"orders per country (aggregate by a related column)",
          "SELECT c.name, COUNT(*), SUM(o.amount) FROM sales.orders o JOIN crm.towns t"
              + " ON t.id = o.town_id JOIN crm.countries c ON c.id = t.country_id"
              + " GROUP BY c.name ORDER BY c.name"},
      {"people of small towns (filter, key list into MongoDB)",
          "SELECT p.name, t.name FROM crm.towns t JOIN shop.people p ON p.town_id = t.id"
              + " WHERE t.population < 1500"},
      {"full join across sources",
          "SELECT COUNT(*) FROM shop.people p JOIN crm.towns t ON t.id = p.town_id"},
  };

  private Benchmark() {
  }

  /**
   * {@code --suite bi} runs this benchmark, {@code --suite tpch} TPC-H's ({@link TpchBenchmark},
   * {@code --scale 0.1} for more data), {@code --suite graphql} a GraphQL API's
   * ({@link GraphQlBenchmark}), and no {@code --suite} the first two.
   */
  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    int suite = options.indexOf("--suite");
    String which = suite >= 0 && suite + 1 < args.length ? args[suite + 1] : "all";
    if (!List.of("all", "bi", "tpch", "graphql").contains(which)) {
      throw new IllegalArgumentException("--suite " + which + ": give bi, tpch or graphql (or"
          + " no --suite for all)");
    }
    if (which.equals("graphql")) {
      GraphQlBenchmark.run();
      return;
    }
    if (!which.equals("tpch")) {
      runBi(options.contains("--explain"));
    }
    if (!which.equals("bi")) {
      TpchBenchmark.main(args);
    }
  }

  private static void runBi(boolean explain) throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(); EmbeddedMongo mongo = EmbeddedMongo.start()) {
      System.out.println("Generating data (" + ORDERS + " orders, " + PEOPLE + " people, "
          + TOWNS + " towns)...");
      load(pg, mongo);
      String model = model(pg, mongo);
      try {
        runBi(model, pg, explain);
        RemoteWorkload.run(model);
      } finally {
        SourceRegistry.global().closeAll(); // before the databases they pool connections to go
      }
    }
  }

  private static void runBi(String model, EmbeddedPostgres pg, boolean explain)
      throws Exception {
    try (Connection nativePg = pg.connect("bench_all");
         Connection jointure = connect(model, true);
         Connection stock = connect(model, false)) {
      if (explain) {
        for (String[] query : QUERIES) {
          try (Statement s = jointure.createStatement();
               ResultSet plan = s.executeQuery("EXPLAIN PLAN FOR " + query[1])) {
            plan.next();
            System.out.println("== " + query[0] + "\n" + plan.getString(1));
          }
        }
      }
      System.out.println();
      System.out.println("| query | native PostgreSQL ms | Jointure ms | ratio | rows fetched"
          + " (crm/sales/shop) | answer rows | stock Calcite ms | stock rows fetched | Jointure"
          + " vs stock |");
      System.out.println("|---|---|---|---|---|---|---|---|---|");
      for (String[] query : QUERIES) {
        Measure base = measure(nativePg, query[1], null);
        Measure ours = measure(jointure, query[1], jointure);
        Measure calcite = measure(stock, query[1], stock);
        System.out.printf("| %s | %.1f | %.1f | %.2fx | %s | %d | %.1f | %s | %.2fx |%n",
            query[0], base.millis, ours.millis, ours.millis / base.millis, ours.fetched,
            ours.answerRows, calcite.millis, calcite.fetched, calcite.millis / ours.millis);
      }
    }
  }

  /** A Jointure connection to the model; without relation rules it plans as stock Calcite. */
  static Connection connect(String model, boolean relationRules) throws Exception {
    Properties info = new Properties();
    info.setProperty("model", "inline:" + model);
    info.setProperty("relationRules", Boolean.toString(relationRules));
    return DriverManager.getConnection("jdbc:jointure:", info);
  }

  /** Median time of {@link #RUNS} runs after one warm-up, and the last run's source rows. */
  private record Measure(double millis, String fetched, long answerRows) {
  }

  private static Measure measure(Connection c, String sql, Connection jointure) throws Exception {
    run(c, sql);
    double[] times = new double[RUNS];
    long rows = 0;
    String fetched = "-";
    for (int i = 0; i < RUNS; i++) {
      if (jointure != null) {
        SourceRequests.clear(jointure, SOURCES);
      }
      long start = System.nanoTime();
      rows = run(c, sql);
      times[i] = (System.nanoTime() - start) / 1e6;
      if (jointure != null) {
        fetched = SourceRequests.fetched(jointure, SOURCES);
      }
    }
    Arrays.sort(times);
    return new Measure(times[RUNS / 2], fetched, rows);
  }

  private static long run(Connection c, String sql) throws Exception {
    long rows = 0;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows++;
      }
    }
    return rows;
  }

  static String model(EmbeddedPostgres pg, EmbeddedMongo mongo) {
    return """
        version: 1
        datasources:
          crm: { type: postgresql, url: "%s", user: postgres }
          sales: { type: postgresql, url: "%s", user: postgres }
          shop: { type: mongodb, uri: "%s", database: bench_shop }
        collections:
          crm.towns:
            relations:
              country: { type: ManyToOne, foreignCollection: crm.countries, foreignKey: country_id }
        """.formatted(pg.jdbcUrl("bench_crm"), pg.jdbcUrl("bench_sales"), mongo.uri());
  }

  private static final String CRM = """
      CREATE TABLE countries (id int PRIMARY KEY, name text NOT NULL);
      INSERT INTO countries SELECT i, 'Country ' || i FROM generate_series(1, %d) i;
      CREATE TABLE towns (id int PRIMARY KEY, name text NOT NULL, country_id int NOT NULL,
        population int NOT NULL);
      INSERT INTO towns SELECT i, 'Town ' || i, 1 + i %% %d, 1000 + (i * 7919) %% 100000
        FROM generate_series(1, %d) i;
      """.formatted(COUNTRIES, COUNTRIES, TOWNS);
  private static final String SALES = """
      CREATE TABLE orders (id int PRIMARY KEY, town_id int NOT NULL, amount numeric(10,2));
      INSERT INTO orders SELECT i, 1 + (i * 31) %% %d, (i %% 1000) / 10.0
        FROM generate_series(1, %d) i;
      CREATE INDEX orders_town ON orders(town_id);
      """.formatted(TOWNS, ORDERS);
  private static final String PEOPLE_SQL = """
      CREATE TABLE people (_id int PRIMARY KEY, name text, town_id int);
      INSERT INTO people SELECT i, 'Person ' || i, 1 + (i * 13) %% %d
        FROM generate_series(1, %d) i;
      CREATE INDEX people_town ON people(town_id);
      """.formatted(TOWNS, PEOPLE);

  static void load(EmbeddedPostgres pg, EmbeddedMongo mongo) throws Exception {
    pg.createDatabase("bench_crm");
    pg.createDatabase("bench_sales");
    pg.createDatabase("bench_all");
    execute(pg, "bench_crm", CRM + "ANALYZE;");
    execute(pg, "bench_sales", SALES + "ANALYZE;");
    execute(pg, "bench_all", "CREATE SCHEMA crm; CREATE SCHEMA sales; CREATE SCHEMA shop;"
        + "SET search_path = crm;" + CRM + "SET search_path = sales;" + SALES
        + "SET search_path = shop;" + PEOPLE_SQL
        + "CREATE VIEW crm.towns_country AS SELECT o.*, t.id AS \"country.id\","
        + " t.name AS \"country.name\" FROM crm.towns o LEFT JOIN crm.countries t"
        + " ON o.country_id = t.id; ANALYZE;");
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      MongoCollection<Document> people = client.getDatabase("bench_shop").getCollection("people");
      List<Document> batch = new ArrayList<>();
      for (int i = 1; i <= PEOPLE; i++) {
        batch.add(new Document("_id", i).append("name", "Person " + i)
            .append("town_id", 1 + (i * 13) % TOWNS));
        if (batch.size() == 10_000) {
          people.insertMany(batch);
          batch.clear();
        }
      }
    }
  }

  private static void execute(EmbeddedPostgres pg, String db, String sql) throws Exception {
    try (Connection c = pg.connect(db); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
