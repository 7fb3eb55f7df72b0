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

  /** getIndexInfo's rows (pgjdbc's getString of a boolean says "f", as against PostgreSQL). */
  private static Set<String> indexes(ResultSet rs) throws SQLException {
    Set<String> rows = new TreeSet<>();
    try (rs) {
      while (rs.next()) {
        rows.add(rs.getBoolean("NON_UNIQUE") + "|" + rs.getString("INDEX_NAME") + "|"
            + rs.getInt("ORDINAL_POSITION") + "|" + rs.getString("COLUMN_NAME"));
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

  /**
   * pgjdbc's own DatabaseMetaData, as a JDBC tool (DBeaver, DataGrip, Metabase) calls it over
   * the protocol, answers what the embedded driver answers, table by table: schemas, tables
   * and views, columns with their JDBC types and nullability, primary keys, foreign keys both
   * ways (the declared relation among them), unique indexes; and getTypeInfo lists every type
   * a column has.
   */
  @Test
  void pgjdbcMetaDataAnswersAsTheEmbeddedDriver() throws Exception {
    DatabaseMetaData local = embedded.getMetaData();
    DatabaseMetaData remote = protocol.getMetaData();
    Set<String> localSchemas = new TreeSet<>(column(local.getSchemas(), "TABLE_SCHEM"));
    Set<String> remoteSchemas = new TreeSet<>(column(remote.getSchemas(), "TABLE_SCHEM"));
    remoteSchemas.removeAll(List.of("pg_catalog|", "information_schema|"));
    localSchemas.removeAll(List.of("metadata|"));
    assertTrue(localSchemas.containsAll(List.of("crm|", "shop|")), localSchemas.toString());
    assertEquals(localSchemas, remoteSchemas);
    assertEquals(List.of("crm|"), column(remote.getSchemas(null, "cr%"), "TABLE_SCHEM"));

    String[] types = {"TABLE", "VIEW"};
    List<String> tables = column(local.getTables(null, "%", "%", types), "TABLE_SCHEM",
        "TABLE_NAME", "TABLE_TYPE");
    List<String> relations = new ArrayList<>();
    for (String schema : List.of("crm", "shop")) {
      List<String> expected = column(local.getTables(null, schema, "%", types), "TABLE_SCHEM",
          "TABLE_NAME", "TABLE_TYPE");
      assertEquals(new TreeSet<>(expected), new TreeSet<>(column(remote.getTables(null, schema,
          "%", types), "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE")));
      expected.forEach(row -> relations.add(row.substring(0, row.indexOf('|', row.indexOf('|')
          + 1))));
    }
    assertTrue(tables.size() >= relations.size() && relations.contains("crm|towns_inhabitants"),
        relations.toString());
    Set<String> typeNames = new TreeSet<>();
    column(remote.getTypeInfo(), "TYPE_NAME").forEach(t -> typeNames.add(t.replace("|", "")));
    int foreignKeys = 0;
    for (String relation : relations) {
      String schema = relation.substring(0, relation.indexOf('|'));
      String table = relation.substring(relation.indexOf('|') + 1);
      String[] columns = {"COLUMN_NAME", "ORDINAL_POSITION", "DATA_TYPE", "NULLABLE"};
      assertEquals(column(local.getColumns(null, schema, table, "%"), columns),
          column(remote.getColumns(null, schema, table, "%"), columns), relation);
      for (String type : column(remote.getColumns(null, schema, table, "%"), "TYPE_NAME")) {
        String name = type.substring(0, type.length() - 1);
        assertTrue(typeNames.contains(name.startsWith("_") ? name.substring(1) : name),
            relation + ": " + name + " not in getTypeInfo " + typeNames);
      }
      String[] keys = {"COLUMN_NAME", "KEY_SEQ", "PK_NAME"};
      assertEquals(column(local.getPrimaryKeys(null, schema, table), keys),
          column(remote.getPrimaryKeys(null, schema, table), keys), relation);
      String[] references = {"PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_SCHEM",
          "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "FK_NAME"};
      List<String> imported = column(local.getImportedKeys(null, schema, table), references);
      foreignKeys += imported.size();
      assertEquals(new TreeSet<>(imported), new TreeSet<>(column(remote.getImportedKeys(null,
          schema, table), references)), relation);
      assertEquals(new TreeSet<>(column(local.getExportedKeys(null, schema, table), references)),
          new TreeSet<>(column(remote.getExportedKeys(null, schema, table), references)),
          relation);
      assertEquals(indexes(local.getIndexInfo(null, schema, table, true, true)),
          indexes(remote.getIndexInfo(null, schema, table, true, true)), relation);
    }
    assertTrue(foreignKeys >= 3, "native and declared foreign keys: " + foreignKeys);
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
