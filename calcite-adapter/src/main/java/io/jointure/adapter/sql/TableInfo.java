package io.jointure.adapter.sql;

import java.util.List;
import java.util.Optional;

/**
 * A table or view of a SQL source, as introspected.
 *
 * @param nativeSchema the database schema that holds it (e.g. {@code public})
 * @param nativeName   its name in the database
 * @param view         true for views and materialized views
 * @param rowCount     estimated rows from the catalog; empty when the source cannot tell
 * @param columns      columns in declaration order
 * @param primaryKey   primary key column names in key order; empty when there is none
 * @param primaryKeyName name of the primary key constraint, if any
 * @param uniqueKeys   other unique keys (unique constraints and unique indexes)
 * @param foreignKeys  foreign keys from this table to tables of the same source
 */
public record TableInfo(
    String nativeSchema,
    String nativeName,
    boolean view,
    Optional<Double> rowCount,
    List<ColumnInfo> columns,
    List<String> primaryKey,
    String primaryKeyName,
    List<List<String>> uniqueKeys,
    List<ForeignKeyInfo> foreignKeys) {

  public int columnIndex(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }
}
