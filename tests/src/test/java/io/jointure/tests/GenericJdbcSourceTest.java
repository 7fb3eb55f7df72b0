package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.adapter.request.SourceRequest;
import io.jointure.demo.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@code type: jdbc} datasource, introspected through {@code DatabaseMetaData} with a detected
 * dialect (here over PostgreSQL, the one database server these machines run), and PostgreSQL
 * datasources exposing several database schemas.
 */
@ExtendWith(PostgresExtension.class)
class GenericJdbcSourceTest {
  @Test
  void aGenericJdbcSourceAnswersLikeTheDatabase(EmbeddedPostgres pg) throws Exception {
    SeedFixture.load(pg);
    String model = """
        version: 1
        datasources:
          legacy:
            type: jdbc
            url: %s
            user: postgres
            schemas: [public]
        """.formatted(pg.jdbcUrl("fx_crm"));
    String sql = "SELECT c.code, COUNT(*) FROM legacy.towns t JOIN legacy.countries c"
        + " ON c.id = t.country_id WHERE t.population > 20000 GROUP BY c.code ORDER BY c.code";
    try (Connection jointure = Jointure.connect(model); Connection native_ = pg.connect("fx_crm")) {
      List<List<Object>> expected = Jointure.rows(native_, sql.replace("legacy.", ""));
      Jointure.clearRequests(jointure, "legacy");
      assertEquals(expected, Jointure.rows(jointure, sql));
      List<SourceRequest> requests = Jointure.requests(jointure, "legacy");
      assertEquals(1, requests.size(), requests.toString());
      assertTrue(requests.get(0).text().contains("GROUP BY"), requests.get(0).text());
      try (ResultSet rs = jointure.getMetaData().getPrimaryKeys(null, "legacy", "towns")) {
        assertTrue(rs.next());
        assertEquals("id", rs.getString("COLUMN_NAME"));
      }
    }
  }

  @Test
  void tablesOfFurtherSchemasAreQualifiedWithTheirSchema(EmbeddedPostgres pg) throws Exception {
    pg.createDatabase("fx_schemas");
    Jointure.execute(pg, "fx_schemas", """
        CREATE SCHEMA sales;
        CREATE TABLE public.items (id int PRIMARY KEY, label text);
        CREATE TABLE sales.items (id int PRIMARY KEY, item_id int, qty int);
        INSERT INTO public.items VALUES (1, 'one'), (2, 'two');
        INSERT INTO sales.items VALUES (10, 1, 5), (11, 2, 7), (12, 2, 1);
        """);
    String model = """
        version: 1
        datasources:
          db:
            type: postgresql
            url: %s
            user: postgres
            schemas: [public, sales]
        """.formatted(pg.jdbcUrl("fx_schemas"));
    try (Connection c = Jointure.connect(model)) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, "db", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      tables.sort(null);
      assertEquals(List.of("items", "sales.items"), tables);
      assertEquals(List.of(List.of("one", "5"), List.of("two", "8")), Jointure.rows(c,
          "SELECT i.label, SUM(s.qty) FROM db.items i JOIN db.\"sales.items\" s"
              + " ON s.item_id = i.id GROUP BY i.label ORDER BY i.label"));
    }
  }
}
