package io.jointure.adapter.mongo;

/**
 * Where a field of a pushed-down operator's output lives in the documents of the pipeline at that
 * point (a dotted path), and what its values are (see {@link MongoColumn}).
 */
record MongoField(String path, boolean objectId, boolean comparable) {
  /** A field computed in the pipeline (a group key's copy, an aggregate): plain values. */
  static MongoField computed(String path) {
    return new MongoField(path, false, true);
  }

  /** The field as an aggregation expression ({@code "$address.city"}). */
  String expression() {
    return "$" + path;
  }
}
