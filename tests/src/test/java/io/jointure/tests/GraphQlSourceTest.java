package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.demo.graphql.GraphQlApiServer;
import io.jointure.demo.graphql.LibraryApi;
import io.jointure.demo.graphql.LibraryTables;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A GraphQL API (graphql-java, on 127.0.0.1) as a datasource: its tables found by introspection,
 * its rows equal to the same data in PostgreSQL, and each request it received asked only for
 * the fields, records and pages the query needs, with values as variables.
 */
@ExtendWith({PostgresExtension.class, MongoExtension.class})
class GraphQlSourceTest {
  private static final LibraryApi.Data DATA = LibraryApi.sample(12, 10);
  private static final String TOKEN = "Bearer gq-t0k3n";
  private static final String KEY = "gq-k3y-secret";
  private static GraphQlApiServer api;
  private static Connection jointure;
  private static Connection groundTruth;

  @BeforeAll
  static void start(EmbeddedPostgres pg, MongoExtension.TestMongo mongo) throws Exception {
    api = GraphQlApiServer.start(DATA);
    api.requireHeaders(java.util.Map.of("Authorization", TOKEN));
    pg.createDatabase("gq_city");
    pg.createDatabase("gq_truth");
    // Members of the libraries (PostgreSQL), their loans (MongoDB); the ground truth holds the
    // API's records too, under the same schema and table names.
    String members = "CREATE TABLE city.members (id int PRIMARY KEY, name text NOT NULL,"
        + " library_id text, favourite_book text);";
    Jointure.execute(pg, "gq_city", members.replace("city.", ""));
    Jointure.execute(pg, "gq_truth", "CREATE SCHEMA city; CREATE SCHEMA shop;" + members
        + "CREATE TABLE shop.loans (_id int PRIMARY KEY, book_id text, member_id int);");
    groundTruth = pg.connect("gq_truth");
    LibraryTables.create(groundTruth, DATA);
    // 40 members: a library each (some in no library, one in a library the API does not
    // know), a favourite book each (some none).
    StringBuilder rows = new StringBuilder();
    for (int m = 1; m <= 40; m++) {
      rows.append(m == 1 ? "" : ", ").append("(").append(m).append(", 'Member ").append(m)
          .append("', ").append(m % 7 == 0 ? "NULL" : m == 39 ? "'L99'" : "'L" + (1 + m % 12)
              + "'").append(", ").append(m % 5 == 0 ? "NULL" : "'B" + (m * 3) + "'").append(")");
    }
    String insertMembers = "INSERT INTO city.members VALUES " + rows + ";";
    Jointure.execute(pg, "gq_city", insertMembers.replace("city.", "") + "ANALYZE;");
    Jointure.execute(pg, "gq_truth", insertMembers);
    List<org.bson.Document> loans = new ArrayList<>();
    try (PreparedStatement insert = groundTruth.prepareStatement(
        "INSERT INTO shop.loans VALUES (?, ?, ?)")) {
      for (int i = 1; i <= 60; i++) {
        String book = "B" + (1 + i * 7 % 120);
        int member = 1 + i % 40;
        loans.add(new org.bson.Document("_id", i).append("book_id", book)
            .append("member_id", member));
        insert.setInt(1, i);
        insert.setString(2, book);
        insert.setInt(3, member);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(
        mongo.uri())) {
      var collection = client.getDatabase("gq_shop").getCollection("loans");
      collection.drop();
      collection.insertMany(loans);
    }
    jointure = Jointure.connect("""
        version: 1
        datasources:
          lib:
            type: graphql
            url: %1$s
            headers: { Authorization: "%2$s" }
            queryParameters: { api_key: "%3$s" }
            timeoutSeconds: 2
            maxRetries: 2
            scalars: { DateTime: TIMESTAMP }
            collections:
              books:
                rowCount: 120
                arguments: { author.id: filter.authorId }
                orderBy:
                  argument: orderBy
                  ascending: { field: "{COLUMN}", direction: ASC }
                  descending: { field: "{COLUMN}", direction: DESC }
                  columns: [pages, published]
              libraries: { rowCount: 12, maxKeysPerRequest: 4 }
          city: { type: postgresql, url: "%4$s", user: postgres }
          shop: { type: mongodb, uri: "%5$s", database: gq_shop }
        collections:
          city.members:
            relations:
              library: { type: ManyToOne, foreignCollection: lib.libraries,
                         foreignKey: library_id }
              branch:
                type: External
                url: "%1$s"
                query: "query Branch($library_id: ID!) { library(id: $library_id) { name city } }"
                schema: { name: VARCHAR, city: VARCHAR }
                headers: { Authorization: "%2$s" }
                queryParameters: { api_key: "%3$s" }
        """.formatted(api.url(), TOKEN, KEY, pg.jdbcUrl("gq_city"), mongo.uri()));
  }

  @AfterAll
  static void stop() throws SQLException {
    jointure.close();
    groundTruth.close();
    api.close();
  }

  @BeforeEach
  void clear() {
    api.clearRequests();
  }

  /** The requests since the test began, introspection left out. */
  private static List<GraphQlApiServer.Request> requests() {
    return api.requests().stream()
        .filter(r -> !r.document().contains("__schema")).toList();
  }

  /** The same SQL over the sources and natively, in one PostgreSQL database: the same rows. */
  private static List<List<Object>> sameRows(String sql) throws SQLException {
    List<List<Object>> expected = Jointure.rows(groundTruth, sql);
    assertFalse(expected.isEmpty(), sql);
    List<List<Object>> actual = Jointure.rows(jointure, sql);
    assertEquals(expected, actual, sql);
    return actual;
  }

  @Test
  void introspectionMakesTheQueryFieldsThatListObjectsTables() throws SQLException {
    DatabaseMetaData md = jointure.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, "lib", "%", null)) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    // library(id) returns one object, booksOfAuthor(authorId: ID!) needs a value in every
    // request: not tables; shelf(first: Int!) is, as Jointure always sends a page's size
    assertEquals(List.of("authors", "books", "libraries", "recentBooks", "shelf"),
        tables.stream().sorted().toList());
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, "lib", "books", "%")) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME") + " "
            + rs.getString("TYPE_NAME").replace(" NOT NULL", "")
            + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " NOT NULL" : ""));
      }
    }
    assertEquals(List.of("id VARCHAR NOT NULL", "title VARCHAR NOT NULL",
        "libraryId VARCHAR NOT NULL", "format VARCHAR", "pages INTEGER", "price DOUBLE",
        "available BOOLEAN NOT NULL", "published TIMESTAMP(0)", "tags VARCHAR ARRAY",
        "author.id VARCHAR", "author.name VARCHAR", "author.born INTEGER"), columns);
  }

  @Test
  void onlyTheFieldsAQueryReadsAreSelected() throws SQLException {
    sameRows("SELECT id, pages, \"author.name\" FROM lib.books WHERE pages > 150 ORDER BY id");
    List<GraphQlApiServer.Request> sent = requests();
    assertFalse(sent.isEmpty());
    for (GraphQlApiServer.Request r : sent) {
      assertTrue(r.document().contains("node { author { name } id pages }"), r.document());
      assertFalse(r.document().contains("title"), r.document());
    }
  }

  @Test
  void equalityOnAnArgumentsColumnIsAVariable() throws SQLException {
    sameRows("SELECT id, title FROM lib.books WHERE \"libraryId\" = 'L3' ORDER BY id");
    List<GraphQlApiServer.Request> sent = requests();
    assertEquals(1, sent.size(), sent.toString());
    assertTrue(sent.get(0).document().contains("books(libraryId: $v0"), sent.get(0).document());
    assertTrue(sent.get(0).document().contains("node { id title }"), sent.get(0).document());
    assertEquals("L3", sent.get(0).variables().get("v0"));
    // a value that looks like GraphQL stays a value
    api.clearRequests();
    String sly = "L3\"}) { __schema { types { name } } }";
    try (PreparedStatement s = jointure.prepareStatement(
        "SELECT COUNT(*) FROM lib.books WHERE \"libraryId\" = ?")) {
      s.setString(1, sly);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(0, rs.getLong(1));
      }
    }
    GraphQlApiServer.Request r = requests().get(0);
    assertFalse(r.document().contains("__schema"), r.document());
    assertEquals(sly, r.variables().get("v0"));
  }

  @Test
  void relayPagesAreFollowedToTheEndAndALimitStopsEarly() throws SQLException {
    sameRows("SELECT COUNT(*), SUM(pages) FROM lib.books");
    // 120 books, at most 50 a page: 50, 50, 20, each page after the previous page's cursor
    List<GraphQlApiServer.Request> sent = requests();
    assertEquals(3, sent.size(), sent.toString());
    assertEquals(null, sent.get(0).variables().get("cursor"));
    // the aggregate reads one field: the document selects it only
    assertTrue(sent.get(0).document().contains("node { pages }"), sent.get(0).document());
    assertTrue(sent.get(1).variables().get("cursor") != null);
    api.clearRequests();
    // a limit is the page's size, and the first page is the last; with a filter that is an
    // argument, and only the column read selected
    assertEquals(4, Jointure.rows(jointure, "SELECT id FROM lib.books WHERE \"libraryId\" = 'L1'"
        + " LIMIT 4").size());
    sent = requests();
    assertEquals(1, sent.size(), sent.toString());
    assertEquals(4, sent.get(0).variables().get("size"));
    assertEquals("L1", sent.get(0).variables().get("v0"));
    assertTrue(sent.get(0).document().contains("node { id }"), sent.get(0).document());
  }

  @Test
  void offsetPagesAreFollowedToAnEmptyPage() throws SQLException {
    assertEquals("30", String.valueOf(Jointure.rows(jointure, "SELECT COUNT(*) FROM lib.authors")
        .get(0).get(0)));
    // 30 authors, at most 20 a page: 20, 10, then an empty page ends the listing
    List<GraphQlApiServer.Request> sent = requests();
    assertEquals(3, sent.size(), sent.toString());
    assertEquals(List.of(0, 20, 30), sent.stream().map(r -> r.variables().get("offset"))
        .toList());
  }

  @Test
  void anErrorsArrayFailsTheQueryWithTheApisMessage() {
    api.errorNext("the catalog is closed for inventory");
    SQLException e = assertThrows(SQLException.class, () -> Jointure.rows(jointure,
        "SELECT id FROM lib.libraries"));
    assertTrue(e.getMessage().contains("datasource 'lib'")
        && e.getMessage().contains("the catalog is closed for inventory"), e.getMessage());
    // an API echoing a credential does not put it in the message
    api.errorNext("key " + KEY + " is over its quota");
    e = assertThrows(SQLException.class, () -> Jointure.rows(jointure,
        "SELECT id FROM lib.libraries"));
    assertTrue(e.getMessage().contains("key *** is over its quota")
        && !e.getMessage().contains(KEY), e.getMessage());
  }

  @Test
  void inputObjectFieldsAndDeclaredArgumentsAreVariablesInOneFilter() throws SQLException {
    // available is a field of the filter argument, found by its name; author.id is the
    // model's: filter.authorId
    sameRows("SELECT id, title, \"author.name\" FROM lib.books WHERE available"
        + " AND \"author.id\" = 'A5' ORDER BY id");
    List<GraphQlApiServer.Request> sent = requests();
    assertEquals(1, sent.size(), sent.toString());
    String document = sent.get(0).document();
    assertTrue(document.matches(".*books\\(filter: \\{(available: \\$v0, authorId: \\$v1"
        + "|authorId: \\$v0, available: \\$v1)}.*"), document);
    assertEquals(java.util.Set.of(true, "A5"), java.util.Set.copyOf(
        sent.get(0).variables().entrySet().stream().filter(e -> e.getKey().startsWith("v"))
            .map(java.util.Map.Entry::getValue).toList()));
  }

  @Test
  void orderByWithALimitIsTheApisOrderAndOnePage() throws SQLException {
    for (String direction : List.of("DESC", "")) {
      api.clearRequests();
      sameRows("SELECT pages FROM lib.books ORDER BY pages " + direction + " LIMIT 7");
      List<GraphQlApiServer.Request> sent = requests();
      assertEquals(1, sent.size(), sent.toString());
      assertEquals(java.util.Map.of("field", "PAGES", "direction",
          direction.isEmpty() ? "ASC" : direction), sent.get(0).variables().get("order"));
      assertEquals(7, sent.get(0).variables().get("size"));
      assertTrue(sent.get(0).document().contains("orderBy: $order"), sent.get(0).document());
    }
    // A column the model does not list is ordered in Calcite, over every page.
    api.clearRequests();
    sameRows("SELECT price FROM lib.books ORDER BY price LIMIT 3");
    assertEquals(3, requests().size());
    assertTrue(requests().stream().noneMatch(r -> r.variables().containsKey("order")));
  }

  @Test
  void aSmallPostgresSideAsksForItsKeysInOneRequest() throws SQLException {
    String sql = "SELECT m.name, b.title, b.pages FROM city.members m"
        + " JOIN lib.books b ON b.id = m.favourite_book WHERE m.id <= 12 ORDER BY m.name";
    Jointure.rows(jointure, sql); // planning warm, nothing asserted
    api.clearRequests();
    sameRows(sql);
    List<GraphQlApiServer.Request> sent = requests();
    assertEquals(1, sent.size(), sent.toString());
    assertTrue(sent.get(0).document().contains("books(ids: $v0"), sent.get(0).document());
    java.util.Set<Object> expected = new java.util.HashSet<>();
    Jointure.rows(groundTruth, "SELECT favourite_book FROM city.members WHERE id <= 12"
        + " AND favourite_book IS NOT NULL").forEach(r -> expected.add(r.get(0)));
    assertEquals(expected, new java.util.HashSet<>((List<?>) sent.get(0).variables().get("v0")));
  }

  @Test
  void aMongoDbSideAsksForItsKeysInOneRequest() throws SQLException {
    String sql = "SELECT l._id, b.title FROM shop.loans l JOIN lib.books b ON b.id = l.book_id"
        + " WHERE l.member_id < 6 ORDER BY l._id";
    Jointure.rows(jointure, sql);
    api.clearRequests();
    sameRows(sql);
    List<GraphQlApiServer.Request> sent = requests();
    assertEquals(1, sent.size(), sent.toString());
    java.util.Set<Object> expected = new java.util.HashSet<>();
    Jointure.rows(groundTruth, "SELECT book_id FROM shop.loans WHERE member_id < 6")
        .forEach(r -> expected.add(r.get(0)));
    assertEquals(expected, new java.util.HashSet<>((List<?>) sent.get(0).variables().get("v0")));
  }

  @Test
  void aRelationViewToTheApiAsksOnlyForTheLibrariesOfTheMembersReadFourARequest()
      throws SQLException {
    List<List<Object>> expected = Jointure.rows(groundTruth, "SELECT m.id, m.name, l.name,"
        + " l.city FROM city.members m LEFT JOIN lib.libraries l ON l.id = m.library_id"
        + " WHERE m.id BETWEEN 3 AND 9 ORDER BY m.id");
    String sql = "SELECT id, name, \"library.name\", \"library.city\" FROM"
        + " city.members_library WHERE id BETWEEN 3 AND 9 ORDER BY id";
    Jointure.rows(jointure, sql);
    api.clearRequests();
    assertEquals(expected, Jointure.rows(jointure, sql));
    List<GraphQlApiServer.Request> sent = requests();
    java.util.Set<Object> keys = new java.util.HashSet<>();
    Jointure.rows(groundTruth, "SELECT library_id FROM city.members WHERE id BETWEEN 3 AND 9"
        + " AND library_id IS NOT NULL").forEach(r -> keys.add(r.get(0)));
    // the model's maxKeysPerRequest: 4 keys a request, each key once
    assertEquals((keys.size() + 3) / 4, sent.size(), sent.toString());
    List<Object> asked = new ArrayList<>();
    for (GraphQlApiServer.Request r : sent) {
      assertTrue(r.document().contains("libraries(ids: $v0"), r.document());
      assertTrue(((List<?>) r.variables().get("v0")).size() <= 4, r.toString());
      asked.addAll((List<?>) r.variables().get("v0"));
    }
    assertEquals(keys.size(), asked.size());
    assertEquals(keys, new java.util.HashSet<>(asked));
  }

  @Test
  void anExternalRelationSendsItsDocumentWithTheOriginsValuesAsVariables() throws SQLException {
    List<List<Object>> expected = Jointure.rows(groundTruth, "SELECT m.id, l.name, l.city"
        + " FROM city.members m LEFT JOIN lib.libraries l ON l.id = m.library_id"
        + " WHERE m.id > 30 ORDER BY m.id");
    assertEquals(expected, Jointure.rows(jointure, "SELECT id, \"branch.name\","
        + " \"branch.city\" FROM city.members_branch WHERE id > 30 ORDER BY id"));
    List<GraphQlApiServer.Request> sent = requests();
    java.util.Set<Object> keys = new java.util.HashSet<>();
    Jointure.rows(groundTruth, "SELECT library_id FROM city.members WHERE id > 30"
        + " AND library_id IS NOT NULL").forEach(r -> keys.add(r.get(0)));
    // one request per distinct library, the document as the model wrote it
    assertEquals(keys.size(), sent.size(), sent.toString());
    assertEquals(keys, sent.stream().map(r -> r.variables().get("library_id"))
        .collect(java.util.stream.Collectors.toSet()));
    assertTrue(sent.stream().allMatch(r -> r.document().startsWith("query Branch(")));
  }

  @Test
  void explainShowsTheDocumentAndVariablesButNoSecretAndSendsNothing() throws SQLException {
    String text = String.join("\n", Jointure.rows(jointure, "EXPLAIN PLAN FOR SELECT title"
        + " FROM lib.books WHERE \"libraryId\" = 'L2' ORDER BY pages DESC LIMIT 3").stream()
        .map(r -> String.valueOf(r.get(0))).toList());
    assertTrue(text.contains("POST " + api.url().replace("/graphql", "")) && text.contains(
        "books(libraryId: $v0, orderBy: $order, first: $size, after: $cursor)"), text);
    assertTrue(text.contains("v0: ?") && text.contains("\"direction\":\"DESC\""), text);
    assertTrue(text.contains("api_key=***") && !text.contains(KEY) && !text.contains(TOKEN),
        text);
    assertEquals(List.of(), requests(), "EXPLAIN sends nothing");
    // the secrets reached the API
    Jointure.rows(jointure, "SELECT id FROM lib.libraries");
    GraphQlApiServer.Request r = requests().get(0);
    assertEquals(TOKEN, r.headers().get("authorization"));
    assertTrue(r.query().contains("api_key=" + KEY), r.query());
  }

  @Test
  void retriesOn429AndThenSucceeds() throws SQLException {
    api.failNext(2, 429, "1");
    long start = System.nanoTime();
    sameRows("SELECT id, name FROM lib.libraries ORDER BY id");
    assertEquals(3, requests().size(), requests().toString());
    assertTrue((System.nanoTime() - start) / 1e9 >= 1.9, "waited Retry-After: 1, twice");
  }

  @Test
  void tooManyFailuresAndASlowApiFailTheQueryNamingTheSource() {
    api.failNext(3, 503, "0");
    SQLException e = assertThrows(SQLException.class,
        () -> Jointure.rows(jointure, "SELECT id FROM lib.libraries"));
    String message = Jointure.messages(e);
    assertTrue(message.contains("datasource 'lib'") && message.contains("HTTP 503")
        && message.contains("after 3 attempts") && !message.contains(KEY), message);
    api.delayNext(java.time.Duration.ofSeconds(5));
    long start = System.nanoTime();
    e = assertThrows(SQLException.class,
        () -> Jointure.rows(jointure, "SELECT id FROM lib.libraries"));
    assertTrue((System.nanoTime() - start) / 1e9 < 4.5, "gave up within the 2 s timeout");
    assertTrue(Jointure.messages(e).contains("no answer within 2 s"), Jointure.messages(e));
  }

  @Test
  void aModelArgumentTheSchemaLacksIsNamedWithTheArgumentsThereAre() throws SQLException {
    try (Connection c = Jointure.connect("""
        version: 1
        datasources:
          lib:
            type: graphql
            url: %s
            headers: { Authorization: "%s" }
            collections:
              books: { arguments: { pages: filter.pagesAtLeast } }
        """.formatted(api.url(), TOKEN))) {
      SQLException e = assertThrows(SQLException.class,
          () -> Jointure.rows(c, "SELECT id FROM lib.books"));
      assertEquals("F0000", e.getSQLState());
      assertTrue(e.getMessage().contains("datasources.lib.collections.books.arguments.pages:"
          + " the field books has no argument filter.pagesAtLeast")
          && e.getMessage().contains("filter"), e.getMessage());
    }
  }

  @Test
  void anApiRefusingIntrospectionServesTheTablesTheModelDeclares() throws Exception {
    try (GraphQlApiServer closed = GraphQlApiServer.start(DATA);
         Connection c = Jointure.connect("""
             version: 1
             datasources:
               lib:
                 type: graphql
                 url: %s
                 collections:
                   relay_books:
                     query: books
                     records: edges.node
                     primaryKey: id
                     schema: { id: VARCHAR, title: VARCHAR, libraryId: VARCHAR,
                               "author.name": VARCHAR }
                     arguments: { libraryId: "libraryId: ID", id: "ids: [ID!]" }
                   directory:
                     query: authorDirectory
                     records: entries
                     schema: { id: VARCHAR, name: VARCHAR, born: INTEGER }
             """.formatted(closed.url()))) {
      closed.disableIntrospection();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, "lib", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertEquals(List.of("directory", "relay_books"), tables.stream().sorted().toList());
      // Relay pages, the declared argument's type in the variable's declaration
      assertEquals(Jointure.rows(groundTruth, "SELECT id, title, \"author.name\" FROM lib.books"
          + " WHERE \"libraryId\" = 'L4' ORDER BY id"), Jointure.rows(c, "SELECT id, title,"
          + " \"author.name\" FROM lib.relay_books WHERE \"libraryId\" = 'L4' ORDER BY id"));
      GraphQlApiServer.Request sent = closed.requests().get(closed.requests().size() - 1);
      assertTrue(sent.document().startsWith("query Jointure($v0: ID, $size: Int, $cursor: String)"
          + " { books(libraryId: $v0, first: $size, after: $cursor) { edges { node {"), sent.document());
      // the records inside the field's value
      closed.clearRequests();
      int born = DATA.authors().stream().filter(a -> a.born() != null)
          .mapToInt(LibraryApi.Author::born).sum();
      assertEquals(List.of(List.of(String.valueOf(DATA.authors().size()), String.valueOf(born))),
          Jointure.rows(c, "SELECT COUNT(*), SUM(born) FROM lib.directory"));
      assertEquals("query Jointure { authorDirectory { entries { born } } }",
          closed.requests().get(0).document());
      // a key-list probe through the declared list argument
      closed.clearRequests();
      assertEquals(4, Jointure.rows(c, "SELECT b.title FROM lib.relay_books b"
          + " WHERE b.id IN ('B1', 'B2', 'B3', 'B4')").size());
      assertEquals(1, closed.requests().size(), closed.requests().toString());
      assertEquals(java.util.Set.of("B1", "B2", "B3", "B4"), new java.util.HashSet<>(
          (List<?>) closed.requests().get(0).variables().get("v0")));
    }
  }

  @Test
  void aStringArgumentNarrowsTheRequestAndCalciteChecksAgain() throws SQLException {
    // The API matches city in any case (a search); SQL's equality does not.
    sameRows("SELECT id, name FROM lib.libraries WHERE city = 'City 1' ORDER BY id");
    assertEquals("City 1", requests().get(0).variables().get("v0"));
    api.clearRequests();
    assertEquals(List.of(), Jointure.rows(jointure,
        "SELECT id FROM lib.libraries WHERE city = 'city 1'"));
    assertEquals(Jointure.rows(groundTruth, "SELECT id FROM lib.libraries WHERE city = 'city 1'"),
        List.of());
    assertEquals("city 1", requests().get(0).variables().get("v0"), "still narrowed by the API");
  }

  @Test
  void aValueNoEnumHoldsAsksNothing() throws SQLException {
    assertEquals(List.of(List.of("0")), Jointure.rows(jointure,
        "SELECT COUNT(*) FROM lib.books WHERE format = 'ebook'"));
    assertEquals(List.of(), requests(), "'ebook' is not a Format: no record can hold it");
    sameRows("SELECT COUNT(*) FROM lib.books WHERE format = 'EBOOK'");
    assertEquals("EBOOK", requests().get(0).variables().get("v0"));
  }

  @Test
  void aTimestampTravelsAsTheInstantItWasReadFrom() throws SQLException {
    List<List<Object>> rows = sameRows("SELECT id FROM lib.books WHERE published ="
        + " (SELECT MIN(published) FROM lib.books) ORDER BY id");
    String earliest = String.valueOf(Jointure.rows(jointure,
        "SELECT CAST(MIN(published) AS VARCHAR) FROM lib.books").get(0).get(0));
    api.clearRequests();
    assertEquals(rows, Jointure.rows(jointure, "SELECT id FROM lib.books WHERE published ="
        + " TIMESTAMP '" + earliest + "' ORDER BY id"));
    Object sent = requests().get(0).variables().get("v0");
    assertTrue(DATA.books().stream().anyMatch(b -> String.valueOf(sent).equals(b.published())),
        String.valueOf(sent));
  }

  @Test
  void aRequiredPageSizeIsDeclaredAsTheApiTypesIt() throws SQLException {
    assertEquals(List.of(List.of(String.valueOf(DATA.books().size()))),
        Jointure.rows(jointure, "SELECT COUNT(*) FROM lib.shelf"));
    assertEquals(3, requests().size()); // 50, 50, 20
    assertTrue(requests().get(0).document().startsWith("query Jointure($size: Int!,"),
        requests().get(0).document());
  }

  @Test
  void aListWithASizeOnlyIsReadWholeWithoutALimit() throws SQLException {
    assertEquals(List.of(List.of(String.valueOf(DATA.books().size()))),
        Jointure.rows(jointure, "SELECT COUNT(*) FROM lib.\"recentBooks\""));
    assertEquals(1, requests().size());
    assertFalse(requests().get(0).variables().containsKey("size"), requests().toString());
    api.clearRequests();
    assertEquals(3, Jointure.rows(jointure, "SELECT id FROM lib.\"recentBooks\" LIMIT 3").size());
    assertEquals(3, requests().get(0).variables().get("size"));
    // one answer: a limit past a page's 100 records is asked whole
    api.clearRequests();
    assertEquals(110, Jointure.rows(jointure, "SELECT id FROM lib.\"recentBooks\" LIMIT 110")
        .size());
    assertEquals(110, requests().get(0).variables().get("size"));
  }
}
