package io.jointure.model;

/**
 * A computed field ({@code fields:} of a collection): a SQL expression over the collection's
 * columns, which may use scalar subqueries over any collection.
 *
 * @param collection the collection it extends, {@code <datasource>.<collection>}
 * @param name       the new column's name
 * @param type       its declared SQL type
 * @param sql        the expression; the collection's columns are reachable as
 *                   {@code <collection>.<column>} (e.g. {@code towns.id})
 * @param path       where it is declared in the model, for messages
 */
public record ComputedFieldConfig(String collection, String name, DeclaredType type, String sql,
    String path) {
}
