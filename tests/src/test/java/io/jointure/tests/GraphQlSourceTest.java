package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.demo.graphql.GraphQlApiServer;
import io.jointure.demo.graphql.LibraryApi;
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
@ExtendWith(PostgresExtension.class)
class GraphQlSourceTest {
  private static final LibraryApi.Data DATA = LibraryApi.sample(12, 10);
  private static GraphQlApiServer api;
  private static Connection jointure;
  private static Connection groundTruth;

  @BeforeAll
  static void start(EmbeddedPostgres pg) throws Exception {
    api = GraphQlApiServer.start(DATA);
    jointure = Jointure.connect("""
        version: 1
        datasources:
          lib:
            type: graphql
            url: %s
            scalars: { DateTime: TIMESTAMP }
        """.formatted(api.url()));
    pg.createDatabase("gq_truth");
    groundTruth = pg.connect("gq_truth");
    groundTruth.createStatement().execute("CREATE TABLE books (id text PRIMARY KEY,"
        + " title text NOT NULL, \"libraryId\" text NOT NULL, format text, pages int,"
        + " price double precision, available boolean NOT NULL, \"author.name\" text)");
    try (PreparedStatement insert = groundTruth.prepareStatement(
        "INSERT INTO books VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      java.util.Map<String, String> authors = new java.util.HashMap<>();
      DATA.authors().forEach(a -> authors.put(a.id(), a.name()));
      for (LibraryApi.Book b : DATA.books()) {
        insert.setString(1, b.id());
        insert.setString(2, b.title());
        insert.setString(3, b.libraryId());
        insert.setString(4, b.format());
        insert.setObject(5, b.pages());
        insert.setObject(6, b.price());
        insert.setBoolean(7, b.available());
        insert.setString(8, b.authorId() == null ? null : authors.get(b.authorId()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
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

  /** The same SQL on the API (as lib.books) and natively (books): the same rows. */
  private static List<List<Object>> sameRows(String sql) throws SQLException {
    List<List<Object>> expected = Jointure.rows(groundTruth, sql.replace("lib.books", "books"));
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
    // library(id) returns one object: not a table
    assertEquals(List.of("authors", "books", "libraries"), tables.stream().sorted().toList());
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
  }
}
