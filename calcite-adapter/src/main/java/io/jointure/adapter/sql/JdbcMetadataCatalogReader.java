package io.jointure.adapter.sql;

import io.jointure.adapter.SqlTypeSpec;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Introspects any JDBC database through {@link DatabaseMetaData}. Slower than a catalog query
 * (keys are read table by table) and without row counts, but it works everywhere.
 */
final class JdbcMetadataCatalogReader implements SourceCatalogReader {
  @Override
  public List<TableInfo> read(Connection connection, List<String> schemas) throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    List<String> patterns = new ArrayList<>(schemas);
    if (patterns.isEmpty()) {
      patterns.add(connection.getSchema());
    }
    List<TableInfo> result = new ArrayList<>();
    for (String schema : patterns) {
      Map<String, Boolean> tables = new LinkedHashMap<>();
      try (ResultSet rs = md.getTables(connection.getCatalog(), pattern(md, schema), "%",
          new String[] {"TABLE", "VIEW", "BASE TABLE", "MATERIALIZED VIEW"})) {
        while (rs.next()) {
          if (schema == null || schema.equals(rs.getString("TABLE_SCHEM"))) {
            tables.put(rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE").contains("VIEW"));
          }
        }
      }
      for (Map.Entry<String, Boolean> table : tables.entrySet()) {
        result.add(readTable(connection, md, schema, table.getKey(), table.getValue()));
      }
    }
    return result;
  }

  private static TableInfo readTable(Connection connection, DatabaseMetaData md, String schema,
      String table, boolean view) throws SQLException {
    String catalog = connection.getCatalog();
    List<ColumnInfo> columns = new ArrayList<>();
    try (ResultSet rs = md.getColumns(catalog, pattern(md, schema), pattern(md, table), "%")) {
      while (rs.next()) {
        if (!table.equals(rs.getString("TABLE_NAME"))) {
          continue; // the pattern's escapes are not honoured by every driver
        }
        columns.add(new ColumnInfo(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
            map(rs.getInt("DATA_TYPE"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS")),
            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
      }
    }
    TreeMap<Short, String> pk = new TreeMap<>();
    String pkName = null;
    try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
      while (rs.next()) {
        pk.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        pkName = rs.getString("PK_NAME");
      }
    }
    Map<String, ForeignKeyBuilder> fks = new LinkedHashMap<>();
    try (ResultSet rs = md.getImportedKeys(catalog, schema, table)) {
      while (rs.next()) {
        String name = rs.getString("FK_NAME");
        ForeignKeyBuilder fk = fks.computeIfAbsent(name == null ? "fk" + fks.size() : name,
            n -> new ForeignKeyBuilder());
        fk.targetSchema = rs.getString("PKTABLE_SCHEM");
        fk.targetTable = rs.getString("PKTABLE_NAME");
        fk.columns.put(rs.getShort("KEY_SEQ"), rs.getString("FKCOLUMN_NAME"));
        fk.targetColumns.put(rs.getShort("KEY_SEQ"), rs.getString("PKCOLUMN_NAME"));
      }
    }
    List<ForeignKeyInfo> foreignKeys = new ArrayList<>();
    fks.forEach((name, fk) -> foreignKeys.add(new ForeignKeyInfo(name, fk.targetSchema,
        fk.targetTable, List.copyOf(fk.columns.values()), List.copyOf(fk.targetColumns.values()))));
    return new TableInfo(schema, table, view, Optional.empty(), columns,
        List.copyOf(pk.values()), pkName, List.of(), foreignKeys);
  }

  /** A name as a metadata search pattern: its {@code _} and {@code %} match only themselves. */
  private static String pattern(DatabaseMetaData md, String name) throws SQLException {
    if (name == null) {
      return null;
    }
    String escape = md.getSearchStringEscape();
    return escape == null || escape.isEmpty() ? name
        : name.replace(escape, escape + escape).replace("_", escape + "_")
            .replace("%", escape + "%");
  }

  /** Maps a {@link Types} code; types without a SQL counterpart are read as text. */
  static SqlTypeSpec map(int jdbcType, int size, int digits) {
    return switch (jdbcType) {
      case Types.TINYINT -> SqlTypeSpec.of(SqlTypeName.TINYINT);
      case Types.SMALLINT -> SqlTypeSpec.of(SqlTypeName.SMALLINT);
      case Types.INTEGER -> SqlTypeSpec.of(SqlTypeName.INTEGER);
      case Types.BIGINT -> SqlTypeSpec.of(SqlTypeName.BIGINT);
      case Types.DECIMAL, Types.NUMERIC -> size > 0
          ? SqlTypeSpec.of(SqlTypeName.DECIMAL, size, Math.max(digits, 0))
          : SqlTypeSpec.UNCONSTRAINED_NUMERIC;
      case Types.REAL -> SqlTypeSpec.of(SqlTypeName.REAL);
      case Types.FLOAT, Types.DOUBLE -> SqlTypeSpec.of(SqlTypeName.DOUBLE);
      case Types.BOOLEAN, Types.BIT -> SqlTypeSpec.of(SqlTypeName.BOOLEAN);
      case Types.CHAR, Types.NCHAR -> SqlTypeSpec.of(SqlTypeName.CHAR, Math.max(size, 1));
      case Types.DATE -> SqlTypeSpec.of(SqlTypeName.DATE);
      case Types.TIME -> SqlTypeSpec.of(SqlTypeName.TIME, 3);
      case Types.TIMESTAMP -> SqlTypeSpec.of(SqlTypeName.TIMESTAMP, 3);
      case Types.TIMESTAMP_WITH_TIMEZONE ->
          SqlTypeSpec.of(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3);
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
          SqlTypeSpec.of(SqlTypeName.VARBINARY);
      case Types.VARCHAR, Types.NVARCHAR -> size > 0 && size < Integer.MAX_VALUE
          ? SqlTypeSpec.of(SqlTypeName.VARCHAR, size) : SqlTypeSpec.of(SqlTypeName.VARCHAR);
      default -> SqlTypeSpec.of(SqlTypeName.VARCHAR);
    };
  }

  private static final class ForeignKeyBuilder {
    String targetSchema;
    String targetTable;
    final TreeMap<Short, String> columns = new TreeMap<>();
    final TreeMap<Short, String> targetColumns = new TreeMap<>();
  }
}
