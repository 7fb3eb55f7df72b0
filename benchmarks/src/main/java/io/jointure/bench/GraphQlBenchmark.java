package io.jointure.bench;

import io.jointure.adapter.SourceRegistry;
import io.jointure.demo.EmbeddedPostgres;
import io.jointure.demo.graphql.GraphQlApiServer;
import io.jointure.demo.graphql.LibraryApi;
import io.jointure.demo.graphql.LibraryTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * {@code --suite graphql}: a GraphQL API (graphql-java on 127.0.0.1, 5,000 books of 100
 * libraries at most 50 a page) joined with a PostgreSQL table of members, against the same data
 * in one PostgreSQL database, and against stock Calcite's planning (no key-list joins) in the
 * same run. Prints, per query, the times and what the API was asked: requests, and records it
 * sent back; and the time the API alone takes to answer the same requests, sent one after
 * another by a plain HTTP client (the floor for any client of the API).
 */
final class GraphQlBenchmark {
  private static final int RUNS = 7;
  private static final int LIBRARIES = 100;
  private static final int BOOKS_EACH = 50;
  private static final int MEMBERS = 2000;
  private static final String[][] QUERIES = {
      {"member's favourite book (key list of 1)", "SELECT m.name, b.title, b.pages"
          + " FROM city.members m JOIN lib.books b ON b.id = m.favourite_book WHERE m.id = 77"},
      {"members of 20 with their books (key list of 20)", "SELECT m.name, b.title"
          + " FROM city.members m JOIN lib.books b ON b.id = m.favourite_book"
          + " WHERE m.id BETWEEN 100 AND 119"},
      {"one library's books (argument)", "SELECT title, pages FROM lib.books"
          + " WHERE \"libraryId\" = 'L42'"},
      {"pages of all books (projection, 100 pages)", "SELECT COUNT(*), SUM(pages)"
          + " FROM lib.books"},
      {"thinnest books (orderBy + limit)", "SELECT title, pages FROM lib.books"
          + " ORDER BY pages LIMIT 5"},
  };

  private GraphQlBenchmark() {
  }

  static void run() throws Exception {
    LibraryApi.Data data = LibraryApi.sample(LIBRARIES, BOOKS_EACH);
    try (EmbeddedPostgres pg = EmbeddedPostgres.start();
         GraphQlApiServer api = GraphQlApiServer.start(data)) {
      System.out.println("Generating data (" + data.books().size() + " books in the API, "
          + MEMBERS + " members in PostgreSQL)...");
      load(pg, data);
      String model = """
          version: 1
          datasources:
            lib:
              type: graphql
              url: %s
              collections:
                books:
                  rowCount: %d
                  orderBy:
                    argument: orderBy
                    ascending: { field: "{COLUMN}", direction: ASC }
                    descending: { field: "{COLUMN}", direction: DESC }
                    columns: [pages]
            city: { type: postgresql, url: "%s", user: %s }
          """.formatted(api.url(), data.books().size(), pg.jdbcUrl("gqb_city"),
          EmbeddedPostgres.USER);
      try (Connection nativePg = pg.connect("gqb_all");
           Connection jointure = Benchmark.connect(model, true);
           Connection stock = Benchmark.connect(model, false)) {
        System.out.println();
        System.out.println("| query | native PostgreSQL ms | Jointure ms | ratio | API requests"
            + " | API records | the API alone ms | Jointure vs the API alone | stock Calcite ms"
            + " | stock requests | stock records |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (String[] query : QUERIES) {
          double base = millis(nativePg, query[1], null, null);
          long[] ours = new long[2];
          double jointureMs = millis(jointure, query[1], api, ours);
          double apiAlone = replay(api.url(), api.requests());
          long[] theirs = new long[2];
          double stockMs = millis(stock, query[1], api, theirs);
          System.out.printf("| %s | %.1f | %.1f | %.2fx | %d | %d | %.1f | %.2fx | %.1f | %d | %d"
              + " |%n", query[0], base, jointureMs, jointureMs / base, ours[0], ours[1],
              apiAlone, jointureMs / apiAlone, stockMs, theirs[0], theirs[1]);
        }
      } finally {
        SourceRegistry.global().closeAll();
      }
    }
  }

  /**
   * Median of {@link #RUNS} runs after one warm-up; {@code asked} gets the last run's requests
   * to the API and the records they returned.
   */
  private static double millis(Connection c, String sql, GraphQlApiServer api, long[] asked)
      throws Exception {
    rows(c, sql);
    double[] times = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      if (api != null) {
        api.clearRequests();
      }
      long start = System.nanoTime();
      rows(c, sql);
      times[i] = (System.nanoTime() - start) / 1e6;
      if (api != null) {
        asked[0] = api.requests().size();
        asked[1] = api.recordsSent();
      }
    }
    Arrays.sort(times);
    return times[RUNS / 2];
  }

  /** Median time of sending these requests again, one after another, as they were received. */
  private static double replay(String url, List<GraphQlApiServer.Request> requests)
      throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    List<java.net.http.HttpRequest> sent = new java.util.ArrayList<>();
    for (GraphQlApiServer.Request r : requests) {
      String body = json.writeValueAsString(java.util.Map.of("query", r.document(),
          "variables", r.variables()));
      sent.add(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
          .header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }
    double[] times = new double[RUNS];
    for (int i = -1; i < RUNS; i++) {
      long start = System.nanoTime();
      for (java.net.http.HttpRequest request : sent) {
        client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      }
      if (i >= 0) {
        times[i] = (System.nanoTime() - start) / 1e6;
      }
    }
    Arrays.sort(times);
    return times[RUNS / 2];
  }

  private static void rows(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }

  private static void load(EmbeddedPostgres pg, LibraryApi.Data data) throws Exception {
    pg.createDatabase("gqb_city");
    pg.createDatabase("gqb_all");
    String members = "CREATE TABLE members (id int PRIMARY KEY, name text NOT NULL,"
        + " favourite_book text)";
    try (Connection city = pg.connect("gqb_city"); Connection all = pg.connect("gqb_all")) {
      all.createStatement().execute("CREATE SCHEMA city");
      LibraryTables.create(all, data);
      for (Connection c : List.of(city, all)) {
        String table = c == all ? "city.members" : "members";
        c.createStatement().execute(members.replace("members", table));
        try (PreparedStatement insert = c.prepareStatement(
            "INSERT INTO " + table + " VALUES (?, ?, ?)")) {
          for (int m = 1; m <= MEMBERS; m++) {
            insert.setInt(1, m);
            insert.setString(2, "Member " + m);
            insert.setString(3, "B" + (1 + (m * 37) % data.books().size()));
            insert.addBatch();
          }
          insert.executeBatch();
        }
        c.createStatement().execute("ANALYZE");
      }
    }
  }
}
