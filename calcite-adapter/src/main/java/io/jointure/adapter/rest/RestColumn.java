package io.jointure.adapter.rest;

import io.jointure.adapter.SqlTypeSpec;
import java.util.List;

/**
 * A column of an HTTP collection: its name (dotted for a nested field, {@code address.city}), the
 * JSON path it reads, its SQL type, and whether the API promises a value (GraphQL's non-null
 * types; REST declares none).
 */
record RestColumn(String name, List<String> path, SqlTypeSpec type, boolean notNull) {
  static RestColumn of(String name, SqlTypeSpec type) {
    return new RestColumn(name, List.of(name.split("\\.", -1)), type, false);
  }

  /** A GraphQL field's column: nested fields dotted. */
  static RestColumn graphQl(String name, SqlTypeSpec type, boolean notNull) {
    return new RestColumn(name, List.of(name.split("\\.", -1)), type, notNull);
  }
}
