package io.jointure.pgwire.catalog;

import io.jointure.pgwire.types.ColumnType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the catalog shows, read once from Jointure's own {@code DatabaseMetaData} (the one home
 * of schemas, columns, keys and foreign keys, declared relations included), with the object
 * ids PostgreSQL's catalog would give them: schemas, tables and views, their columns, and their
 * primary, unique and foreign keys.
 */
final class CatalogSnapshot {
  /** PostgreSQL's first OID for user objects. */
  static final int FIRST_OID = 16384;

  record Namespace(int oid, String name) {
  }

  record Column(String name, int number, ColumnType type, String typeName, boolean notNull) {
  }

  record Relation(int oid, Namespace namespace, String name, boolean view, List<Column> columns) {
    int attnum(String column) {
      for (Column c : columns) {
        if (c.name().equals(column)) {
          return c.number();
        }
      }
      return 0;
    }
  }

  /** A key: 'p' primary, 'u' unique, 'f' foreign (then the referenced table and columns). */
  record Constraint(int oid, String name, char type, Relation relation, List<String> columns,
      Relation referenced, List<String> referencedColumns, int indexOid) {
  }

  final List<Namespace> namespaces = new ArrayList<>();
  final List<Relation> relations = new ArrayList<>();
  final List<Constraint> constraints = new ArrayList<>();
  private int nextOid = FIRST_OID;

  static CatalogSnapshot read(Connection connection) throws SQLException {
    CatalogSnapshot snapshot = new CatalogSnapshot();
    DatabaseMetaData md = connection.getMetaData();
    Map<String, Namespace> byName = new LinkedHashMap<>();
    try (ResultSet rs = md.getSchemas()) {
      while (rs.next()) {
        String name = rs.getString("TABLE_SCHEM");
        if (!name.equals("metadata")) {
          Namespace ns = new Namespace(snapshot.nextOid++, name);
          byName.put(name, ns);
          snapshot.namespaces.add(ns);
        }
      }
    }
    Map<String, Relation> relations = new LinkedHashMap<>();
    List<String[]> tables = new ArrayList<>();
    for (String schema : byName.keySet()) {
      // A source that does not answer now leaves out its own tables only.
      try (ResultSet rs = md.getTables(null, schema, null, null)) {
        while (rs.next()) {
          if (schema.equals(rs.getString("TABLE_SCHEM"))) {
            tables.add(new String[] {schema, rs.getString("TABLE_NAME"),
                rs.getString("TABLE_TYPE")});
          }
        }
      } catch (SQLException | RuntimeException e) {
        // left out
      }
    }
    for (String[] t : tables) {
      List<Column> columns = new ArrayList<>();
      // A table of a source that does not answer now is left out, not the whole catalog.
      try (ResultSet rs = md.getColumns(null, t[0], t[1], null)) {
        while (rs.next()) {
          // The names are LIKE patterns to getColumns: keep this table's columns only.
          if (!t[0].equals(rs.getString("TABLE_SCHEM")) || !t[1].equals(rs.getString("TABLE_NAME"))) {
            continue;
          }
          int jdbcType = rs.getInt("DATA_TYPE");
          String typeName = rs.getString("TYPE_NAME");
          ColumnType type = ColumnType.of(jdbcType, typeName, rs.getInt("COLUMN_SIZE"),
              rs.getInt("DECIMAL_DIGITS"));
          columns.add(new Column(rs.getString("COLUMN_NAME"), rs.getInt("ORDINAL_POSITION"),
              type, CatalogFunctions.formatType(type), rs.getInt("NULLABLE")
                  == DatabaseMetaData.columnNoNulls));
        }
      } catch (SQLException | RuntimeException e) {
        continue;
      }
      Relation relation = new Relation(snapshot.nextOid++, byName.get(t[0]), t[1],
          t[2] != null && t[2].contains("VIEW"), columns);
      relations.put(t[0] + "." + t[1], relation);
      snapshot.relations.add(relation);
    }
    for (Relation relation : snapshot.relations) {
      try {
        snapshot.readKeys(md, relation, relations);
      } catch (SQLException | RuntimeException e) {
        // Keys of a source that does not answer now: the table is listed without them.
      }
    }
    return snapshot;
  }

  private void readKeys(DatabaseMetaData md, Relation relation, Map<String, Relation> all)
      throws SQLException {
    String schema = relation.namespace().name();
    Map<String, List<String>> primary = new LinkedHashMap<>();
    try (ResultSet rs = md.getPrimaryKeys(null, schema, relation.name())) {
      while (rs.next()) {
        String name = rs.getString("PK_NAME");
        primary.computeIfAbsent(name == null ? relation.name() + "_pkey" : name,
            k -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
      }
    }
    primary.forEach((name, columns) -> addKey(name, 'p', relation, columns));
    Map<String, List<String>> unique = new LinkedHashMap<>();
    try (ResultSet rs = md.getIndexInfo(null, schema, relation.name(), true, false)) {
      while (rs.next()) {
        String index = rs.getString("INDEX_NAME");
        if (index != null && !primary.containsKey(index) && rs.getString("COLUMN_NAME") != null) {
          unique.computeIfAbsent(index, k -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
        }
      }
    }
    unique.forEach((name, columns) -> {
      if (!primary.containsValue(columns)) {
        addKey(name, 'u', relation, columns);
      }
    });
    Map<String, Constraint> foreign = new LinkedHashMap<>();
    try (ResultSet rs = md.getImportedKeys(null, schema, relation.name())) {
      while (rs.next()) {
        Relation referenced = all.get(rs.getString("PKTABLE_SCHEM") + "."
            + rs.getString("PKTABLE_NAME"));
        String name = rs.getString("FK_NAME");
        if (referenced == null || name == null) {
          continue;
        }
        Constraint fk = foreign.computeIfAbsent(name, n -> new Constraint(nextOid++, n, 'f',
            relation, new ArrayList<>(), referenced, new ArrayList<>(), 0));
        fk.columns().add(rs.getString("FKCOLUMN_NAME"));
        fk.referencedColumns().add(rs.getString("PKCOLUMN_NAME"));
      }
    }
    constraints.addAll(foreign.values());
  }

  private void addKey(String name, char type, Relation relation, List<String> columns) {
    int indexOid = nextOid++;
    constraints.add(new Constraint(nextOid++, name, type, relation, columns, null, List.of(),
        indexOid));
  }
}
