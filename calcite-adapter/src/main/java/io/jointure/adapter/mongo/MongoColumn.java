package io.jointure.adapter.mongo;

import io.jointure.adapter.SqlTypeSpec;

/**
 * A column of a MongoDB collection.
 *
 * @param path       field path, dotted for nested documents ({@code address.city})
 * @param type       the SQL type it is exposed as
 * @param objectIds  its values are ObjectIds, shown to SQL as lower-case hex strings
 * @param comparable MongoDB compares and orders its values as SQL does its column's values: all
 *                   seen values are of one kind (all strings, all numbers, ...). A VARCHAR column
 *                   widened from numbers and strings is not: MongoDB never finds the number 12
 *                   equal to '12', so filters, sorts and aggregates on it stay in Calcite.
 */
public record MongoColumn(String path, SqlTypeSpec type, boolean objectIds, boolean comparable) {
}
