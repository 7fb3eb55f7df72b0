package io.jointure.model;

/**
 * A column whose type the model declares ({@code schema:} of a collection).
 *
 * @param name column name (dotted for nested document fields)
 * @param type its declared SQL type
 */
public record DeclaredColumn(String name, DeclaredType type) {
}
