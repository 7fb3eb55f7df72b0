package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.pgwire.PgServer;
import io.jointure.pgwire.PgServerSettings;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalog a PostgreSQL client reads over the protocol ({@code information_schema},
 * {@code pg_catalog}, pgjdbc's {@code getColumns}) tells what the embedded driver's
 * {@code DatabaseMetaData} tells: the same tables and views, columns, primary keys, and foreign
 * keys, the declared relation among them (which Avatica's protocol cannot carry).
 */
@ExtendWith(PostgresExtension.class)
class PgCatalogTest {
  private static final String MODEL_RELATIONS = """
      collections:
        crm.towns:
          relations:
            inhabitants: { type: OneToMany, foreignCollection: shop.people, originKey: town_id }
      """;
  private static PgServer server;
  private static Connection embedded;
  private static Connection protocol;

  @BeforeAll
  static void start(EmbeddedPostgres pg) throws Exception {
    SeedFixture.load(pg);
    String model = SeedFixture.model(pg) + MODEL_RELATIONS;
    server = PgServer.start(PgServerSettings.local("jdbc:jointure:model=inline:" + model, 0));
    embedded = Jointure.connect(model);
    protocol = PgProtocolTest.pgjdbc(server, "");
  }

  @AfterAll
  static void stop() throws SQLException {
    protocol.close();
    embedded.close();
    server.close();
  }

  private static List<String> column(ResultSet rs, String... names) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (String name : names) {
          row.append(rs.getString(name)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private static List<String> query(String sql, String... names) throws SQLException {
    return column(protocol.createStatement().executeQuery(sql), names);
  }

  @Test
  void tablesAndViewsAsTheEmbeddedDriverListsThem() throws Exception {
    Set<String> expected = new TreeSet<>(column(embedded.getMetaData().getTables(null, "crm",
        "%", null), "TABLE_SCHEM", "TABLE_NAME"));
    assertTrue(expected.contains("crm|towns_inhabitants|"), expected.toString());
    assertEquals(expected, new TreeSet<>(query("SELECT table_schema, table_name FROM"
        + " information_schema.tables WHERE table_schema = 'crm'", "table_schema", "table_name")));
    assertEquals(expected, new TreeSet<>(query("SELECT n.nspname, c.relname FROM pg_class c"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'crm'"
        + " AND c.relkind IN ('r', 'v')", "nspname", "relname")));
  }

  @Test
  void columnsAsTheEmbeddedDriverListsThem() throws Exception {
    DatabaseMetaData md = embedded.getMetaData();
    List<String> expected = column(md.getColumns(null, "crm", "towns", null), "COLUMN_NAME",
        "ORDINAL_POSITION");
    assertEquals(5, expected.size());
    assertEquals(expected, query("SELECT column_name, ordinal_position FROM"
        + " information_schema.columns WHERE table_schema = 'crm' AND table_name = 'towns'"
        + " ORDER BY ordinal_position", "column_name", "ordinal_position"));
    // pgjdbc's own catalog query, as a tool runs it.
    assertEquals(expected, column(protocol.getMetaData().getColumns(null, "crm", "towns", null),
        "COLUMN_NAME", "ORDINAL_POSITION"));
    assertEquals(List.of("id|integer|", "name|text|", "country_id|integer|",
        "population|integer|", "founded|date|"), query("SELECT a.attname,"
        + " format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a JOIN pg_class c"
        + " ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = 'crm' AND c.relname = 'towns' ORDER BY a.attnum", "attname",
        "type"));
  }

  @Test
  void keysAndDeclaredRelationsAreConstraints() throws Exception {
    DatabaseMetaData md = embedded.getMetaData();
    List<String> primary = column(md.getPrimaryKeys(null, "crm", "towns"), "COLUMN_NAME");
    assertEquals(primary, query("SELECT kcu.column_name FROM information_schema.table_constraints"
        + " tc JOIN information_schema.key_column_usage kcu ON kcu.constraint_name ="
        + " tc.constraint_name AND kcu.table_name = tc.table_name WHERE tc.table_schema = 'crm'"
        + " AND tc.table_name = 'towns' AND tc.constraint_type = 'PRIMARY KEY'", "column_name"));
    // Every foreign key the embedded driver reports, native and declared, and only those.
    Set<String> expected = new TreeSet<>();
    for (String table : List.of("towns", "mayors", "people")) {
      String schema = table.equals("people") ? "shop" : "crm";
      expected.addAll(column(md.getImportedKeys(null, schema, table), "FKTABLE_SCHEM",
          "FKTABLE_NAME", "FKCOLUMN_NAME", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME"));
    }
    assertTrue(expected.contains("shop|people|town_id|crm|towns|id|"), expected.toString());
    Set<String> fromCatalog = new TreeSet<>(query("SELECT fn.nspname AS fs, f.relname AS ft,"
        + " fa.attname AS fc, pn.nspname AS ps, p.relname AS pt, pa.attname AS pc"
        + " FROM pg_constraint k JOIN pg_class f ON f.oid = k.conrelid"
        + " JOIN pg_namespace fn ON fn.oid = f.relnamespace"
        + " JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace"
        + " JOIN pg_attribute fa ON fa.attrelid = f.oid AND fa.attnum = k.conkey[1]"
        + " JOIN pg_attribute pa ON pa.attrelid = p.oid AND pa.attnum = k.confkey[1]"
        + " WHERE k.contype = 'f' AND f.relname IN ('towns', 'mayors', 'people')",
        "fs", "ft", "fc", "ps", "pt", "pc"));
    assertEquals(expected, fromCatalog);
    assertFalse(query("SELECT version()", "version").isEmpty());
    assertTrue(query("SELECT version()", "version").get(0).startsWith("PostgreSQL 16.4"));
  }
}
