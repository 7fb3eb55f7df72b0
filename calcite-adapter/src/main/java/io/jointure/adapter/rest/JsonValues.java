package io.jointure.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointure.adapter.SqlTypeSpec;
import io.jointure.sql.values.SqlValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Conversions between JSON values and Calcite's internal values: reading a record's field as its
 * column's type, and writing a SQL value as a query parameter's text.
 */
final class JsonValues {
  private JsonValues() {
  }

  /** The node at a dotted path; null when a step is missing. */
  static JsonNode at(JsonNode record, List<String> path) {
    JsonNode node = record;
    for (String step : path) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(step);
    }
    return node;
  }

  /**
   * A JSON value as Calcite holds a value of {@code type}: Long for BIGINT, int days for DATE,
   * long milliseconds (wall clock) for TIMESTAMP...; a timestamp with an offset becomes the JVM
   * zone's wall clock, as Jointure reads PostgreSQL's timestamptz.
   *
   * @throws IllegalArgumentException when the value cannot be read as that type
   */
  static Object toInternal(JsonNode node, SqlTypeSpec type) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    SqlTypeName name = type.name();
    switch (name) {
      case VARCHAR, CHAR:
        return node.isTextual() ? node.asText() : node.toString();
      case BOOLEAN:
        if (node.isBoolean()) {
          return node.booleanValue();
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
          return Boolean.parseBoolean(node.asText());
        }
        break;
      case SMALLINT, INTEGER, BIGINT:
        BigDecimal whole = number(node);
        if (whole != null) {
          return SqlValues.exactInteger(whole, name);
        }
        break;
      case DECIMAL:
        BigDecimal decimal = number(node);
        if (decimal != null) {
          return decimal;
        }
        break;
      case REAL, DOUBLE, FLOAT:
        BigDecimal real = number(node);
        if (real != null) {
          return name == SqlTypeName.REAL ? (Object) real.floatValue() : (Object) real.doubleValue();
        }
        break;
      case DATE:
        if (node.isTextual()) {
          return SqlValues.days(LocalDate.parse(node.asText().substring(0,
              Math.min(10, node.asText().length()))));
        }
        break;
      case TIME:
        if (node.isTextual()) {
          return SqlValues.millisOfDay(LocalTime.parse(node.asText()));
        }
        break;
      case TIMESTAMP:
        if (node.isTextual()) {
          return timestamp(node.asText());
        }
        if (node.isIntegralNumber()) { // epoch milliseconds
          return SqlValues.wallClockMillis(java.time.Instant.ofEpochMilli(node.longValue()));
        }
        break;
      case ARRAY:
        if (node.isArray()) {
          List<Object> values = new ArrayList<>();
          for (JsonNode element : node) {
            values.add(toInternal(element, type.element()));
          }
          return values;
        }
        break;
      default:
        return node.isTextual() ? node.asText() : node.toString();
    }
    throw new IllegalArgumentException("value " + abbreviated(node) + " is not a " + name);
  }

  private static BigDecimal number(JsonNode node) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static long timestamp(String text) {
    try {
      return SqlValues.wallClockMillis(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException withoutOffset) {
      return SqlValues.millis(LocalDateTime.parse(text.replace(' ', 'T')));
    }
  }

  /** A SQL value (Calcite's internal form) as the text of a query parameter or path segment. */
  static String parameterText(Object value, SqlTypeName type) {
    // Numbers as JSON writes them: 10 and 10.5, not 10.0 or 10.50.
    if (value instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double v = ((Number) value).doubleValue();
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
          : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
    if (type == SqlTypeName.DATE && value instanceof Number days) {
      return LocalDate.ofEpochDay(days.longValue()).toString();
    }
    if (type == SqlTypeName.TIMESTAMP && value instanceof Number millis) {
      return DateTimeUtils.unixTimestampToString(millis.longValue()).replace(' ', 'T');
    }
    if (type == SqlTypeName.TIME && value instanceof Number millis) {
      return LocalTime.ofNanoOfDay(millis.longValue() * 1_000_000).toString();
    }
    return String.valueOf(value);
  }

  private static String abbreviated(JsonNode node) {
    String text = node.toString();
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
