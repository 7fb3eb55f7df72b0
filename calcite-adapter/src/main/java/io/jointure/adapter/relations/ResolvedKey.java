package io.jointure.adapter.relations;

import org.apache.calcite.rel.type.RelDataType;

/**
 * One side of a join condition of a relation: a column of a resolved table.
 *
 * @param table  the table's qualified name, {@code [datasource, table]}
 * @param column the column's name
 * @param index  its position in the table's row
 * @param type   its SQL type
 */
record ResolvedKey(java.util.List<String> table, String column, int index, RelDataType type) {
  String describe() {
    return String.join(".", table) + "." + column + " (" + type.getFullTypeString()
        .replace(" NOT NULL", "") + ")";
  }
}
