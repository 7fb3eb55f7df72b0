package io.jointure.model;

import java.util.List;
import java.util.function.Function;

/**
 * A computed field whose values a Java function computes, a batch of rows at a time (the seeds'
 * {@code getValues}): it receives the distinct values of its dependencies and answers one value
 * per row, in order.
 *
 * @param collection   the collection it extends, {@code <datasource>.<collection>}
 * @param name         the new column's name
 * @param type         its SQL type
 * @param dependencies the columns the function reads
 * @param function     from a batch of distinct dependency rows to one value per row
 */
public record JavaComputedField(String collection, String name, DeclaredType type,
    List<String> dependencies, Function<List<Row>, List<Object>> function) {
}
