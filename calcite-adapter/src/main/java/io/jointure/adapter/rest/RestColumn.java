package io.jointure.adapter.rest;

import io.jointure.adapter.SqlTypeSpec;
import java.util.List;

/**
 * A column of a REST collection: its name (dotted for a nested field, {@code address.city}), the
 * JSON path it reads, and its SQL type.
 */
record RestColumn(String name, List<String> path, SqlTypeSpec type) {
  static RestColumn of(String name, SqlTypeSpec type) {
    return new RestColumn(name, List.of(name.split("\\.", -1)), type);
  }
}
