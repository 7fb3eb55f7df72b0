package io.jointure.adapter.mongo;

/**
 * Where a field of a pushed-down operator's output lives in the documents of the pipeline at that
 * point: a dotted path, and whether it holds ObjectIds shown to SQL as hex strings.
 */
record MongoField(String path, boolean objectId) {
  /** The field as an aggregation expression ({@code "$address.city"}). */
  String expression() {
    return "$" + path;
  }
}
