package io.jointure.adapter.mongo;

/**
 * Where a field of a pushed-down operator's output lives in the documents of the pipeline at that
 * point (a dotted path), and what its values are: ObjectIds, whether MongoDB compares them (with
 * SQL values, in filters and sorts) as SQL does, and whether equal values group as SQL groups
 * them (see {@link MongoColumn}).
 */
record MongoField(String path, boolean objectId, boolean comparable, boolean groupable) {
  MongoField(String path, boolean objectId, boolean comparable) {
    this(path, objectId, comparable, comparable);
  }

  /** A field computed in the pipeline (a group key's copy, an aggregate): plain values. */
  static MongoField computed(String path) {
    return new MongoField(path, false, true);
  }

  /** The field as an aggregation expression ({@code "$address.city"}). */
  String expression() {
    return "$" + path;
  }
}
