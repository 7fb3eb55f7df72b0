package io.jointure.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A loaded, validated model: where it came from, its datasources in declaration order, its
 * declared relations, and the {@code collections:} section as written.
 *
 * @param origin      the file path, or {@code inline} for a model given in the URL
 * @param datasources datasources by name, in the order the model declares them
 * @param relations   declared relations, in declaration order
 * @param fields      computed fields given as SQL, in declaration order
 * @param javaFields  computed fields given as Java functions ({@link ModelBuilder})
 * @param collections the {@code collections:} section (an empty object when absent)
 * @param limits      what one query may take ({@code queryTimeoutSeconds:}, {@code maxMemory:})
 * @param keys        keys declared under {@code collections:}, by {@code <datasource>.<collection>}
 */
public record Model(String origin, Map<String, DatasourceConfig> datasources,
    List<RelationConfig> relations, List<ComputedFieldConfig> fields,
    List<JavaComputedField> javaFields, JsonNode collections,
    QueryLimits limits, Map<String, DeclaredKeys> keys) {

  /** The keys declared for the collections of one datasource, by collection name. */
  public Map<String, DeclaredKeys> keysOf(String datasource) {
    Map<String, DeclaredKeys> of = new java.util.HashMap<>();
    keys.forEach((collection, declared) -> {
      if (collection.startsWith(datasource + ".")) {
        of.put(collection.substring(datasource.length() + 1), declared);
      }
    });
    return of;
  }

  /** The same model with these relations. */
  public Model withRelations(List<RelationConfig> replaced) {
    return new Model(origin, datasources, List.copyOf(replaced), fields, javaFields, collections,
        limits, keys);
  }

  /** The same model with Java computed fields added. */
  public Model withJavaFields(List<JavaComputedField> added) {
    List<JavaComputedField> all = new java.util.ArrayList<>(javaFields);
    all.addAll(added);
    return new Model(origin, datasources, relations, fields, List.copyOf(all), collections,
        limits, keys);
  }
}
