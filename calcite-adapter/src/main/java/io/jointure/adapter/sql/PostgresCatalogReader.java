package io.jointure.adapter.sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Introspects PostgreSQL through pg_catalog: four queries for all listed schemas, whatever the
 * number of tables. Row counts come from the planner's own estimates (reltuples, or the live-tuple
 * counter for tables never analyzed; a partitioned table sums its partitions), so nothing is
 * counted.
 */
final class PostgresCatalogReader implements SourceCatalogReader {
  private static final String RELKINDS = "('r','p','v','m','f')";

  private static final String TABLES = """
      SELECT n.nspname, c.relname, c.relkind,
             CASE WHEN c.relkind = 'p' THEN (
               SELECT COALESCE(SUM(GREATEST(p.reltuples, 0)), 0) FROM pg_inherits i
               JOIN pg_class p ON p.oid = i.inhrelid WHERE i.inhparent = c.oid)
             ELSE c.reltuples END AS reltuples,
             s.n_live_tup
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid
      WHERE n.nspname = ANY(?) AND c.relkind IN %s AND NOT c.relispartition
      ORDER BY n.nspname, c.relname""".formatted(RELKINDS);

  private static final String COLUMNS = """
      SELECT n.nspname, c.relname, a.attname, bt.typname,
             CASE WHEN bt.typcategory = 'A' THEN et.typname END AS element_name,
             CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END AS typmod,
             a.attnotnull
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid
      JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
      LEFT JOIN pg_type et ON et.oid = bt.typelem
      WHERE n.nspname = ANY(?) AND c.relkind IN %s AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY n.nspname, c.relname, a.attnum""".formatted(RELKINDS);

  private static final String CONSTRAINTS = """
      SELECT n.nspname, c.relname, con.conname, con.contype,
             ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num
                   ORDER BY k.ord) AS columns,
             tn.nspname AS target_schema, tc.relname AS target_table,
             ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
                   ORDER BY k.ord) AS target_columns
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_class tc ON tc.oid = con.confrelid
      LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
      WHERE n.nspname = ANY(?) AND con.contype IN ('p', 'u', 'f')
      ORDER BY n.nspname, c.relname, con.conname""";

  /** Unique indexes that back no constraint, without predicates or expressions. */
  private static final String UNIQUE_INDEXES = """
      SELECT n.nspname, c.relname,
             ARRAY(SELECT a.attname FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)
                   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
                   ORDER BY k.ord) AS columns
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY(?) AND i.indisunique AND NOT i.indisprimary
        AND i.indpred IS NULL AND i.indexprs IS NULL
        AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid)
      ORDER BY n.nspname, c.relname""";

  @Override
  public List<TableInfo> read(Connection connection, List<String> schemas) throws SQLException {
    Array schemaArray = connection.createArrayOf("text", schemas.toArray());
    Map<String, Builder> tables = new LinkedHashMap<>();
    query(connection, TABLES, schemaArray, rs -> {
      Builder b = new Builder(rs.getString(1), rs.getString(2));
      String kind = rs.getString(3);
      b.view = kind.equals("v") || kind.equals("m");
      double reltuples = rs.getDouble(4);
      long liveTuples = rs.getLong(5);
      boolean counted = !rs.wasNull();
      if (!b.view) {
        if (reltuples >= 0) {
          b.rowCount = Optional.of(Math.max(reltuples, counted ? liveTuples : 0));
        } else if (counted) {
          b.rowCount = Optional.of((double) liveTuples);
        }
      }
      tables.put(key(b.schema, b.name), b);
    });
    query(connection, COLUMNS, schemaArray, rs -> {
      Builder b = tables.get(key(rs.getString(1), rs.getString(2)));
      if (b != null) {
        String type = rs.getString(4);
        b.columns.add(new ColumnInfo(rs.getString(3), type,
            PostgresTypes.map(type, rs.getString(5), rs.getInt(6)), !rs.getBoolean(7)));
      }
    });
    query(connection, CONSTRAINTS, schemaArray, rs -> {
      Builder b = tables.get(key(rs.getString(1), rs.getString(2)));
      if (b == null) {
        return;
      }
      List<String> columns = strings(rs.getArray(5));
      switch (rs.getString(4)) {
        case "p" -> {
          b.primaryKey = columns;
          b.primaryKeyName = rs.getString(3);
        }
        case "u" -> b.uniqueKeys.add(columns);
        default -> b.foreignKeys.add(new ForeignKeyInfo(rs.getString(3), rs.getString(6),
            rs.getString(7), columns, strings(rs.getArray(8))));
      }
    });
    query(connection, UNIQUE_INDEXES, schemaArray, rs -> {
      Builder b = tables.get(key(rs.getString(1), rs.getString(2)));
      if (b != null) {
        b.uniqueKeys.add(strings(rs.getArray(3)));
      }
    });
    List<TableInfo> result = new ArrayList<>(tables.size());
    for (Builder b : tables.values()) {
      result.add(b.build());
    }
    return result;
  }

  private interface RowHandler {
    void accept(ResultSet rs) throws SQLException;
  }

  private static void query(Connection connection, String sql, Array schemas, RowHandler handler)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setArray(1, schemas);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.accept(rs);
        }
      }
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static String key(String schema, String table) {
    return schema + '\u0000' + table;
  }

  /** Collects one table's parts across the catalog queries. */
  private static final class Builder {
    final String schema;
    final String name;
    boolean view;
    Optional<Double> rowCount = Optional.empty();
    final List<ColumnInfo> columns = new ArrayList<>();
    List<String> primaryKey = List.of();
    String primaryKeyName;
    final List<List<String>> uniqueKeys = new ArrayList<>();
    final List<ForeignKeyInfo> foreignKeys = new ArrayList<>();

    Builder(String schema, String name) {
      this.schema = schema;
      this.name = name;
    }

    TableInfo build() {
      return new TableInfo(schema, name, view, rowCount, List.copyOf(columns), primaryKey, primaryKeyName,
          List.copyOf(uniqueKeys), List.copyOf(foreignKeys));
    }
  }
}
