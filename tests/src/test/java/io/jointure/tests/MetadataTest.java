package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code DatabaseMetaData} calls a BI tool makes answer like PostgreSQL's own driver does for
 * the same tables (held in schema {@code crm} of the ground-truth database).
 */
class MetadataTest extends SeedFixtureTest {
  /** The named columns of a metadata result set. */
  private static List<List<Object>> read(ResultSet rs, String... columns) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (String column : columns) {
          Object value = rs.getObject(column);
          row.add(value instanceof Number n ? n.intValue() : value);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void schemasAreTheDatasources() throws Exception {
    List<List<Object>> schemas = read(jointure.getMetaData().getSchemas(), "TABLE_SCHEM");
    assertTrue(schemas.containsAll(List.of(List.of("crm"), List.of("shop"))), schemas.toString());
  }

  @Test
  void tablesOfEachSource() throws Exception {
    List<List<Object>> tables = read(jointure.getMetaData().getTables(null, "crm", "%", null),
        "TABLE_NAME", "TABLE_TYPE");
    // Calcite lists tables in its own order, not by name: compare them sorted.
    tables.sort(java.util.Comparator.comparing(row -> (String) row.get(0)));
    assertEquals(List.of(List.of("countries", "TABLE"), List.of("mayors", "TABLE"),
        List.of("towns", "TABLE")), tables);
  }

  @Test
  void columnsWithJdbcTypesAsPostgresReportsThem() throws Exception {
    String[] columns = {"COLUMN_NAME", "DATA_TYPE", "ORDINAL_POSITION", "NULLABLE"};
    assertEquals(read(groundTruth.getMetaData().getColumns(null, "crm", "towns", null), columns),
        read(jointure.getMetaData().getColumns(null, "crm", "towns", null), columns));
  }

  @Test
  void primaryKeys() throws Exception {
    String[] columns = {"TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"};
    for (String table : List.of("towns", "countries", "mayors")) {
      List<List<Object>> expected =
          read(groundTruth.getMetaData().getPrimaryKeys(null, "crm", table), columns);
      assertFalse(expected.isEmpty());
      assertEquals(expected, read(jointure.getMetaData().getPrimaryKeys(null, "crm", table),
          columns), table);
    }
  }

  private static final String[] FK_COLUMNS = {"PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
      "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "FK_NAME", "PK_NAME"};

  @Test
  void importedKeys() throws Exception {
    DatabaseMetaData expected = groundTruth.getMetaData();
    DatabaseMetaData actual = jointure.getMetaData();
    for (String table : List.of("towns", "mayors", "countries")) {
      assertEquals(read(expected.getImportedKeys(null, "crm", table), FK_COLUMNS),
          read(actual.getImportedKeys(null, "crm", table), FK_COLUMNS), table);
    }
    assertEquals(1, read(actual.getImportedKeys(null, "crm", "towns"), FK_COLUMNS).size());
  }

  @Test
  void exportedKeys() throws Exception {
    DatabaseMetaData expected = groundTruth.getMetaData();
    DatabaseMetaData actual = jointure.getMetaData();
    for (String table : List.of("towns", "countries", "mayors")) {
      assertEquals(read(expected.getExportedKeys(null, "crm", table), FK_COLUMNS),
          read(actual.getExportedKeys(null, "crm", table), FK_COLUMNS), table);
    }
  }

  @Test
  void crossReference() throws Exception {
    List<List<Object>> expected = read(groundTruth.getMetaData().getCrossReference(
        null, "crm", "countries", null, "crm", "towns"), FK_COLUMNS);
    assertEquals(1, expected.size());
    assertEquals(expected, read(jointure.getMetaData().getCrossReference(
        null, "crm", "countries", null, "crm", "towns"), FK_COLUMNS));
    assertTrue(read(jointure.getMetaData().getCrossReference(
        null, "crm", "towns", null, "crm", "countries"), FK_COLUMNS).isEmpty());
  }

  @Test
  void productIsJointure() throws Exception {
    assertEquals("Jointure", jointure.getMetaData().getDatabaseProductName());
    assertEquals("Jointure JDBC Driver", jointure.getMetaData().getDriverName());
  }
}
