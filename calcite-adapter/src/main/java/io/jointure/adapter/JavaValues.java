package io.jointure.adapter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Conversions between Calcite's internal values and the Java values that user functions (computed
 * fields, External relations) take and give: java.time for dates and times.
 */
public final class JavaValues {
  private JavaValues() {
  }

  /** Calcite's internal value as the Java type a function expects (java.time for times). */
  public static Object toJava(Object value, SqlTypeName type) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case DATE -> LocalDate.ofEpochDay(((Number) value).longValue());
      case TIME -> LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000);
      case TIMESTAMP -> LocalDateTime.ofEpochSecond(Math.floorDiv(((Number) value).longValue(),
          1000), (int) Math.floorMod(((Number) value).longValue(), 1000) * 1_000_000,
          ZoneOffset.UTC);
      default -> value;
    };
  }

  /**
   * A function's answer as Calcite's internal value: java.time or java.sql types for times.
   *
   * @throws ClassCastException or NumberFormatException when the value does not fit the type
   */
  public static Object toInternal(Object value, SqlTypeName type) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Timestamp t) {
      value = t.toLocalDateTime();
    } else if (value instanceof java.sql.Date d) {
      value = d.toLocalDate();
    } else if (value instanceof java.sql.Time t) {
      value = t.toLocalTime();
    }
    return switch (type) {
      case INTEGER -> ((Number) value).intValue();
      case BIGINT -> ((Number) value).longValue();
      case SMALLINT -> ((Number) value).shortValue();
      case DOUBLE -> ((Number) value).doubleValue();
      case REAL -> ((Number) value).floatValue();
      case DECIMAL -> value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
      case VARCHAR, CHAR -> value.toString();
      case BOOLEAN -> (Boolean) value;
      case DATE -> (int) ((LocalDate) value).toEpochDay();
      case TIME -> (int) (((LocalTime) value).toNanoOfDay() / 1_000_000);
      case TIMESTAMP -> ((LocalDateTime) value).toInstant(ZoneOffset.UTC).toEpochMilli();
      default -> value;
    };
  }
}
