package io.jointure.model;

import java.util.List;
import java.util.Optional;

/**
 * One declared relation, validated for shape (which keys its kind needs); names are checked
 * against the sources when a connection opens.
 *
 * @param origin            the collection that declares it, {@code <datasource>.<collection>}
 * @param name              the relation's name, which prefixes the target's columns in its view
 * @param kind              its kind
 * @param foreignCollection the related collection, {@code <datasource>.<collection>}
 * @param throughCollection for ManyToMany, the collection pairing the keys
 * @param originKey         OneToOne/OneToMany: the target's column holding the origin's key;
 *                          ManyToMany: the through collection's column holding it
 * @param originKeyTarget   the origin column {@code originKey} refers to (default: primary key)
 * @param foreignKey        ManyToOne: the origin's column holding the target's key;
 *                          ManyToMany: the through collection's column holding it
 * @param foreignKeyTarget  the target column {@code foreignKey} refers to (default: primary key)
 * @param compareAs         the SQL type both keys are compared as, when their types differ
 * @param view              the view's name, if not {@code <collection>_<relation>}
 * @param path              where it is declared in the model, for messages
 * @param external          for External relations, where the records come from
 */
public record RelationConfig(
    String origin,
    String name,
    RelationKind kind,
    String foreignCollection,
    Optional<String> throughCollection,
    Optional<String> originKey,
    Optional<String> originKeyTarget,
    Optional<String> foreignKey,
    Optional<String> foreignKeyTarget,
    Optional<DeclaredType> compareAs,
    Optional<String> view,
    String path,
    Optional<ExternalTarget> external) {

  /** The same relation with its records computed by a Java function. */
  public RelationConfig withFunction(java.util.function.Function<Row, List<Row>> function) {
    ExternalTarget target = external.orElseThrow();
    return new RelationConfig(origin, name, kind, foreignCollection, throughCollection, originKey,
        originKeyTarget, foreignKey, foreignKeyTarget, compareAs, view, path,
        Optional.of(new ExternalTarget(target.keyColumns(), target.schema(), target.url(),
            target.graphQl(), target.records(), target.http(), Optional.of(function))));
  }
}
