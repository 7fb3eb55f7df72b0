package io.jointure.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of a relation declared in Java, named as in the model file and the seeds:
 * {@code RelationOptions.foreignKey("country_id")},
 * {@code RelationOptions.originKey("town_id").originKeyTarget("id")}.
 */
public final class RelationOptions {
  private final Map<String, String> values;

  private RelationOptions(Map<String, String> values) {
    this.values = values;
  }

  public static RelationOptions none() {
    return new RelationOptions(new LinkedHashMap<>());
  }

  public static RelationOptions foreignKey(String column) {
    return none().with("foreignKey", column);
  }

  public static RelationOptions originKey(String column) {
    return none().with("originKey", column);
  }

  public RelationOptions withForeignKey(String column) {
    return with("foreignKey", column);
  }

  public RelationOptions withOriginKey(String column) {
    return with("originKey", column);
  }

  public RelationOptions foreignKeyTarget(String column) {
    return with("foreignKeyTarget", column);
  }

  public RelationOptions originKeyTarget(String column) {
    return with("originKeyTarget", column);
  }

  /** Compare both keys as this SQL type, e.g. {@code "VARCHAR"}. */
  public RelationOptions compareAs(String sqlType) {
    return with("compareAs", sqlType);
  }

  /** Name the relation's view instead of {@code <collection>_<relation>}. */
  public RelationOptions view(String name) {
    return with("view", name);
  }

  private RelationOptions with(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return new RelationOptions(copy);
  }

  Map<String, String> values() {
    return values;
  }
}
