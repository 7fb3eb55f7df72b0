package io.jointure.model;

import java.util.List;

/**
 * Keys the model declares for a collection whose source reports none or not all: a MongoDB
 * collection without a unique index, a REST collection, a PostgreSQL view. They make the
 * collection a relation target and tell the planner its rows are unique by them.
 *
 * @param collection {@code <datasource>.<collection>}
 * @param primaryKey {@code primaryKey: [col, ...]}; empty when not declared
 * @param uniqueKeys {@code uniqueKeys: [[col, ...], ...]}
 * @param path       where the model declares them, for messages
 */
public record DeclaredKeys(String collection, List<String> primaryKey,
    List<List<String>> uniqueKeys, String path) {
  public static final DeclaredKeys NONE = new DeclaredKeys("", List.of(), List.of(), "");
}
