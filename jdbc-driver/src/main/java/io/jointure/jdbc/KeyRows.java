package io.jointure.jdbc;

/**
 * Rows of the key result sets of {@code DatabaseMetaData}; public fields named as the JDBC
 * columns in camel case, as Avatica's record cursor reads them.
 */
final class KeyRows {
  private KeyRows() {
  }

  /** A row of {@code getPrimaryKeys}. */
  public static final class PrimaryKey {
    public final String tableCat;
    public final String tableSchem;
    public final String tableName;
    public final String columnName;
    public final short keySeq;
    public final String pkName;

    PrimaryKey(String schema, String table, String column, short keySeq, String pkName) {
      this.tableCat = null;
      this.tableSchem = schema;
      this.tableName = table;
      this.columnName = column;
      this.keySeq = keySeq;
      this.pkName = pkName;
    }
  }

  /** A row of {@code getImportedKeys}, {@code getExportedKeys} and {@code getCrossReference}. */
  public static final class ForeignKey {
    public final String pktableCat;
    public final String pktableSchem;
    public final String pktableName;
    public final String pkcolumnName;
    public final String fktableCat;
    public final String fktableSchem;
    public final String fktableName;
    public final String fkcolumnName;
    public final short keySeq;
    public final short updateRule;
    public final short deleteRule;
    public final String fkName;
    public final String pkName;
    public final short deferrability;

    ForeignKey(String pkSchema, String pkTable, String pkColumn, String fkSchema, String fkTable,
        String fkColumn, short keySeq, String fkName, String pkName) {
      this.pktableCat = null;
      this.pktableSchem = pkSchema;
      this.pktableName = pkTable;
      this.pkcolumnName = pkColumn;
      this.fktableCat = null;
      this.fktableSchem = fkSchema;
      this.fktableName = fkTable;
      this.fkcolumnName = fkColumn;
      this.keySeq = keySeq;
      this.updateRule = (short) java.sql.DatabaseMetaData.importedKeyNoAction;
      this.deleteRule = (short) java.sql.DatabaseMetaData.importedKeyNoAction;
      this.fkName = fkName;
      this.pkName = pkName;
      this.deferrability = (short) java.sql.DatabaseMetaData.importedKeyNotDeferrable;
    }
  }

  /** A row of {@code getIndexInfo}: one column of a unique key, as a unique index. */
  public static final class UniqueIndex {
    public final String tableCat;
    public final String tableSchem;
    public final String tableName;
    public final boolean nonUnique;
    public final String indexQualifier;
    public final String indexName;
    public final short type;
    public final short ordinalPosition;
    public final String columnName;
    public final String ascOrDesc;
    public final long cardinality;
    public final long pages;
    public final String filterCondition;

    UniqueIndex(String schema, String table, String indexName, short position, String column) {
      this.tableCat = null;
      this.tableSchem = schema;
      this.tableName = table;
      this.nonUnique = false;
      this.indexQualifier = null;
      this.indexName = indexName;
      this.type = java.sql.DatabaseMetaData.tableIndexOther;
      this.ordinalPosition = position;
      this.columnName = column;
      this.ascOrDesc = null;
      this.cardinality = 0;
      this.pages = 0;
      this.filterCondition = null;
    }
  }
}
