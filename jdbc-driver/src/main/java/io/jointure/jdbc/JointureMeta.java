package io.jointure.jdbc;

import io.jointure.adapter.KeyedTable;
import io.jointure.adapter.relations.ComputedFieldsTable;
import io.jointure.adapter.relations.DeclaredRelation;
import io.jointure.adapter.relations.RelationsTable;
import io.jointure.adapter.sql.ForeignKeyInfo;
import io.jointure.adapter.sql.SourceSchema;
import io.jointure.adapter.sql.SourceTable;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.SubclassableCalciteMeta;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * Calcite's metadata, plus the keys Calcite does not report: primary keys and foreign keys of
 * every source table, so that BI tools draw relationships and auto-join.
 */
final class JointureMeta extends SubclassableCalciteMeta {
  private static final List<String> PRIMARY_KEY_COLUMNS = List.of("TABLE_CAT", "TABLE_SCHEM",
      "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
  private static final List<String> INDEX_COLUMNS = List.of("TABLE_CAT", "TABLE_SCHEM",
      "TABLE_NAME", "NON_UNIQUE", "INDEX_QUALIFIER", "INDEX_NAME", "TYPE", "ORDINAL_POSITION",
      "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY", "PAGES", "FILTER_CONDITION");
  private static final List<String> FOREIGN_KEY_COLUMNS = List.of("PKTABLE_CAT", "PKTABLE_SCHEM",
      "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME",
      "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME",
      "DEFERRABILITY");

  private final CalciteConnection connection;

  private JointureMeta(CalciteConnection connection) {
    super(connection);
    this.connection = connection;
  }

  static JointureMeta of(CalciteConnection connection) {
    return new JointureMeta(connection);
  }

  /** The collections behind computed fields, reachable but not listed. */
  @Override
  protected boolean isHidden(String tableName) {
    return tableName.endsWith(ComputedFieldsTable.BASE_SUFFIX);
  }

  /** Jointure has no catalogs: only a null or empty catalog argument matches. */
  private static boolean noCatalog(String catalog) {
    return catalog == null || catalog.isEmpty();
  }

  /** A listed table that knows its keys, with its schema's and its own name. */
  private interface KeyedTableVisitor {
    void visit(String schemaName, String tableName, KeyedTable table);
  }

  /** The listed tables matching the filters (null matches all) that know their keys. */
  private void forEachKeyedTable(String catalog, String schema, String table,
      KeyedTableVisitor visitor) {
    SchemaPlus root = connection.getRootSchema();
    for (String schemaName : noCatalog(catalog) ? root.subSchemas().getNames(LikePattern.any())
        : Set.<String>of()) {
      if (!matches(schema, schemaName)) {
        continue;
      }
      SchemaPlus s = Objects.requireNonNull(root.subSchemas().get(schemaName));
      for (String tableName : s.tables().getNames(LikePattern.any())) {
        if (matches(table, tableName) && !isHidden(tableName)
            && s.tables().get(tableName) instanceof KeyedTable keyed) {
          visitor.visit(schemaName, tableName, keyed);
        }
      }
    }
  }

  @Override
  public MetaResultSet getPrimaryKeys(ConnectionHandle ch, String catalog, String schema,
      String table) {
    List<KeyRows.PrimaryKey> rows = new ArrayList<>();
    forEachKeyedTable(catalog, schema, table, (schemaName, tableName, keyed) -> {
      List<String> key = keyed.primaryKey();
      for (int i = 0; i < key.size(); i++) {
        rows.add(new KeyRows.PrimaryKey(schemaName, tableName, key.get(i), (short) (i + 1),
            keyed.primaryKeyName()));
      }
    });
    rows.sort(Comparator.comparing((KeyRows.PrimaryKey r) -> r.columnName));
    return resultSet(KeyRows.PrimaryKey.class, PRIMARY_KEY_COLUMNS, rows);
  }

  /**
   * The unique keys of each table (the source's, and those the model declares) as unique
   * indexes, named {@code <table>_<columns>_key} as PostgreSQL names unique constraints; a BI
   * tool reads uniqueness from here. Non-unique indexes are not listed ({@code unique} is
   * ignored: there are none to add).
   */
  @Override
  public MetaResultSet getIndexInfo(ConnectionHandle ch, String catalog, String schema,
      String table, boolean unique, boolean approximate) {
    List<KeyRows.UniqueIndex> rows = new ArrayList<>();
    forEachKeyedTable(catalog, schema, table, (schemaName, tableName, keyed) -> {
      for (List<String> key : keyed.uniqueKeys()) {
        String name = key.equals(keyed.primaryKey()) && keyed.primaryKeyName() != null
            ? keyed.primaryKeyName() : tableName + "_" + String.join("_", key) + "_key";
        for (int i = 0; i < key.size(); i++) {
          rows.add(new KeyRows.UniqueIndex(schemaName, tableName, name, (short) (i + 1),
              key.get(i)));
        }
      }
    });
    return resultSet(KeyRows.UniqueIndex.class, INDEX_COLUMNS, rows);
  }

  @Override
  public MetaResultSet getImportedKeys(ConnectionHandle ch, String catalog, String schema,
      String table) {
    List<KeyRows.ForeignKey> rows = noCatalog(catalog) ? foreignKeys(null, null, schema, table)
        : new ArrayList<>();
    // By referenced table, then key by key (FK_NAME keeps two keys to one table apart).
    rows.sort(Comparator.comparing((KeyRows.ForeignKey r) -> r.pktableSchem)
        .thenComparing(r -> r.pktableName).thenComparing(r -> r.fkName)
        .thenComparing(r -> r.keySeq));
    return resultSet(KeyRows.ForeignKey.class, FOREIGN_KEY_COLUMNS, rows);
  }

  @Override
  public MetaResultSet getExportedKeys(ConnectionHandle ch, String catalog, String schema,
      String table) {
    return resultSet(KeyRows.ForeignKey.class, FOREIGN_KEY_COLUMNS, sortedByForeignTable(
        noCatalog(catalog) ? foreignKeys(schema, table, null, null) : new ArrayList<>()));
  }

  @Override
  public MetaResultSet getCrossReference(ConnectionHandle ch, String parentCatalog,
      String parentSchema, String parentTable, String foreignCatalog, String foreignSchema,
      String foreignTable) {
    boolean match = noCatalog(parentCatalog) && noCatalog(foreignCatalog);
    return resultSet(KeyRows.ForeignKey.class, FOREIGN_KEY_COLUMNS, sortedByForeignTable(match
        ? foreignKeys(parentSchema, parentTable, foreignSchema, foreignTable)
        : new ArrayList<>()));
  }

  private static List<KeyRows.ForeignKey> sortedByForeignTable(List<KeyRows.ForeignKey> rows) {
    rows.sort(Comparator.comparing((KeyRows.ForeignKey r) -> r.fktableSchem)
        .thenComparing(r -> r.fktableName).thenComparing(r -> r.fkName)
        .thenComparing(r -> r.keySeq));
    return rows;
  }

  /**
   * Native foreign keys and the keys of declared relations, filtered by the referenced (pk) and
   * referencing (fk) table; a null filter matches everything. A source's native foreign keys only
   * reference its own tables; declared ones may cross sources. Each link of columns is listed
   * once: a OneToMany declared as the inverse of a ManyToOne, or a relation repeating a native
   * foreign key, is the same foreign key (an ER diagram would draw it twice).
   */
  private List<KeyRows.ForeignKey> foreignKeys(String pkSchema, String pkTable, String fkSchema,
      String fkTable) {
    List<KeyRows.ForeignKey> rows = nativeForeignKeys(pkSchema, pkTable, fkSchema, fkTable);
    Set<List<String>> links = new java.util.HashSet<>();
    for (KeyRows.ForeignKey row : rows) {
      links.add(List.of(row.fktableSchem, row.fktableName, row.fkcolumnName, row.pktableSchem,
          row.pktableName, row.pkcolumnName));
    }
    for (DeclaredRelation relation : declaredRelations()) {
      for (DeclaredRelation.KeyLink key : relation.keys()) {
        if (matches(fkSchema, key.holder().get(0)) && matches(fkTable, key.holder().get(1))
            && matches(pkSchema, key.referenced().get(0))
            && matches(pkTable, key.referenced().get(1))
            && links.add(List.of(key.holder().get(0), key.holder().get(1), key.holderColumn(),
                key.referenced().get(0), key.referenced().get(1), key.referencedColumn()))) {
          rows.add(new KeyRows.ForeignKey(key.referenced().get(0), key.referenced().get(1),
              key.referencedColumn(), key.holder().get(0), key.holder().get(1),
              key.holderColumn(), (short) 1, key.name(), null));
        }
      }
    }
    return rows;
  }

  private static boolean matches(String filter, String name) {
    return filter == null || filter.equals(name);
  }

  /** The relations the model declares, from the {@code jointure.relations} system table. */
  private List<DeclaredRelation> declaredRelations() {
    SchemaPlus system = connection.getRootSchema().subSchemas().get(RelationsTable.SCHEMA);
    Table table = system == null ? null : system.tables().get(RelationsTable.TABLE);
    return table instanceof RelationsTable relations ? relations.relations() : List.of();
  }

  private List<KeyRows.ForeignKey> nativeForeignKeys(String pkSchema, String pkTable,
      String fkSchema, String fkTable) {
    List<KeyRows.ForeignKey> rows = new ArrayList<>();
    Map<String, SourceSchema> schemas = sourceSchemas(fkSchema, true);
    for (Map.Entry<String, SourceSchema> s : schemas.entrySet()) {
      if (pkSchema != null && !pkSchema.equals(s.getKey())) {
        continue;
      }
      for (Map.Entry<String, SourceTable> t : s.getValue().sourceTables().entrySet()) {
        if (fkTable != null && !fkTable.equals(t.getKey())) {
          continue;
        }
        for (ForeignKeyInfo fk : t.getValue().info().foreignKeys()) {
          String target = s.getValue().sqlName(fk.targetSchema(), fk.targetTable()).orElse(null);
          if (target == null || (pkTable != null && !pkTable.equals(target))) {
            continue;
          }
          String targetPkName = s.getValue().sourceTables().get(target).info().primaryKeyName();
          for (int i = 0; i < fk.columns().size(); i++) {
            rows.add(new KeyRows.ForeignKey(s.getKey(), target, fk.targetColumns().get(i),
                s.getKey(), t.getKey(), fk.columns().get(i), (short) (i + 1), fk.name(),
                targetPkName));
          }
        }
      }
    }
    return rows;
  }

  /** Source schemas by SQL name; a null name means all of them; none unless {@code any}. */
  private Map<String, SourceSchema> sourceSchemas(String name, boolean any) {
    SchemaPlus root = connection.getRootSchema();
    Map<String, SourceSchema> result = new java.util.TreeMap<>();
    if (!any) {
      return result;
    }
    for (String schemaName : root.subSchemas().getNames(LikePattern.any())) {
      if (name != null && !name.equals(schemaName)) {
        continue;
      }
      SchemaPlus schema = Objects.requireNonNull(root.subSchemas().get(schemaName));
      try {
        result.put(schemaName, schema.unwrap(SourceSchema.class));
      } catch (ClassCastException notASource) {
        // Calcite's own "metadata" schema, for instance.
      }
    }
    return result;
  }

  private MetaResultSet resultSet(Class<?> rowClass, List<String> columnNames, List<?> rows) {
    List<ColumnMetaData> columns = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    List<String> fieldNames = new ArrayList<>();
    for (String name : columnNames) {
      String fieldName = AvaticaUtils.toCamelCase(name);
      Field field;
      try {
        field = rowClass.getField(fieldName);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(rowClass + " lacks field " + fieldName, e);
      }
      boolean nullable = !Primitive.is(field.getType());
      columns.add(MetaImpl.columnMetaData(name, columns.size(), field.getType(), nullable));
      fields.add(field);
      fieldNames.add(fieldName);
    }
    @SuppressWarnings("unchecked")
    Iterable<Object> iterable = (Iterable<Object>) rows;
    return createResultSet(Map.of(), columns, CursorFactory.record(rowClass, fields, fieldNames),
        new Frame(0, true, iterable));
  }
}
