package io.jointure.adapter.mongo;

import io.jointure.adapter.SqlTypeSpec;

/**
 * A column of a MongoDB collection: a field path (dotted for nested documents, e.g.
 * {@code address.city}) and the SQL type it is exposed as.
 */
public record MongoColumn(String path, SqlTypeSpec type) {
}
