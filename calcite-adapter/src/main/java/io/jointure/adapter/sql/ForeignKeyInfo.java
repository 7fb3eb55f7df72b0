package io.jointure.adapter.sql;

import java.util.List;

/**
 * A native foreign key between two tables of one source.
 *
 * @param name          constraint name
 * @param targetSchema  database schema of the referenced table
 * @param targetTable   referenced table
 * @param columns       referencing columns, in key order
 * @param targetColumns referenced columns, in key order
 */
public record ForeignKeyInfo(
    String name,
    String targetSchema,
    String targetTable,
    List<String> columns,
    List<String> targetColumns) {
}
