package io.jointure.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointure.adapter.SqlTypeSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Infers a REST collection's columns from sample records: nested objects become dotted columns;
 * whole numbers BIGINT, other numbers DOUBLE, true/false BOOLEAN, anything else (text, arrays,
 * mixed kinds) VARCHAR, holding the JSON text of non-text values.
 */
final class JsonSchemaInference {
  private final Map<String, SqlTypeName> types = new LinkedHashMap<>();

  void add(JsonNode record) {
    add("", record);
  }

  private void add(String prefix, JsonNode object) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = prefix + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject() && !value.isEmpty()) {
        add(name + ".", value);
      } else {
        types.merge(name, typeOf(value), JsonSchemaInference::widen);
      }
    }
  }

  private static SqlTypeName typeOf(JsonNode value) {
    if (value.isNull()) {
      return SqlTypeName.NULL;
    }
    if (value.isIntegralNumber()) {
      return SqlTypeName.BIGINT;
    }
    if (value.isNumber()) {
      return SqlTypeName.DOUBLE;
    }
    if (value.isBoolean()) {
      return SqlTypeName.BOOLEAN;
    }
    return SqlTypeName.VARCHAR;
  }

  private static SqlTypeName widen(SqlTypeName a, SqlTypeName b) {
    if (a == b || b == SqlTypeName.NULL) {
      return a;
    }
    if (a == SqlTypeName.NULL) {
      return b;
    }
    if ((a == SqlTypeName.BIGINT || a == SqlTypeName.DOUBLE)
        && (b == SqlTypeName.BIGINT || b == SqlTypeName.DOUBLE)) {
      return SqlTypeName.DOUBLE;
    }
    return SqlTypeName.VARCHAR;
  }

  List<RestColumn> columns() {
    List<RestColumn> columns = new ArrayList<>();
    types.forEach((name, type) -> columns.add(RestColumn.of(name,
        SqlTypeSpec.of(type == SqlTypeName.NULL ? SqlTypeName.VARCHAR : type))));
    return columns;
  }
}
