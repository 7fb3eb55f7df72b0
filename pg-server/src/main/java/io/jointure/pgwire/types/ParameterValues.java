package io.jointure.pgwire.types;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * A bound parameter's bytes as the Java value the Jointure statement takes. The client says the
 * type ({@code Parse}'s OIDs) or leaves it to the server (OID 0); either way the value ends as
 * the type Jointure inferred for the parameter, as PostgreSQL coerces an untyped literal.
 */
public final class ParameterValues {
  /** PostgreSQL's timestamp input: date, time, optional fraction, optional offset. */
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd[[ ]['T']HH:mm[:ss]]")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
      .toFormatter(Locale.ROOT);

  private ParameterValues() {
  }

  /**
   * The value of parameter {@code index} (1-based, for messages) sent as {@code bytes} in
   * {@code format} (0 text, 1 binary) with the client's type {@code sent} (null: unspecified),
   * converted to {@code jdbcType}, the type Jointure inferred.
   *
   * @throws IllegalArgumentException naming the parameter, when the value does not read as its
   *     type (SQLSTATE 22P02)
   */
  public static Object decode(int index, byte[] bytes, short format, PgType sent, int jdbcType) {
    if (bytes == null) {
      return null;
    }
    try {
      if (format == 1) {
        if (sent == null || !BinaryFormat.decodes(sent)) {
          throw new IllegalArgumentException("parameter $" + index + ": this server cannot read"
              + " its type in binary; send it as text");
        }
        return convert(BinaryFormat.decode(sent, bytes), jdbcType);
      }
      return fromText(new String(bytes, StandardCharsets.UTF_8), jdbcType);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException && e.getMessage() != null
          && e.getMessage().startsWith("parameter $")) {
        throw e;
      }
      throw new IllegalArgumentException("parameter $" + index + ": invalid input for type "
          + typeName(jdbcType) + ": " + e.getMessage(), e);
    }
  }

  /** Text input for a Jointure type. */
  static Object fromText(String text, int jdbcType) {
    String t = text.strip();
    switch (jdbcType) {
      case Types.BOOLEAN:
      case Types.BIT:
        return bool(t);
      case Types.TINYINT:
      case Types.SMALLINT:
        return Short.parseShort(t);
      case Types.INTEGER:
        return Integer.parseInt(t);
      case Types.BIGINT:
        return Long.parseLong(t);
      case Types.REAL:
        return Float.parseFloat(t);
      case Types.FLOAT:
      case Types.DOUBLE:
        return Double.parseDouble(t);
      case Types.DECIMAL:
      case Types.NUMERIC:
        return new BigDecimal(t);
      case Types.DATE:
        return java.sql.Date.valueOf(LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t));
      case Types.TIME:
        return java.sql.Time.valueOf(LocalTime.parse(t));
      case Types.TIMESTAMP:
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return java.sql.Timestamp.valueOf(timestamp(t));
      default:
        return text;
    }
  }

  /** A value decoded from binary, as {@code jdbcType}. */
  static Object convert(Object value, int jdbcType) {
    switch (jdbcType) {
      case Types.TINYINT:
      case Types.SMALLINT:
        return value instanceof Number n ? (Object) n.shortValue() : fromText(value.toString(),
            jdbcType);
      case Types.INTEGER:
        return value instanceof Number n ? (Object) Math.toIntExact(n.longValue())
            : fromText(value.toString(), jdbcType);
      case Types.BIGINT:
        return value instanceof Number n ? (Object) n.longValue()
            : fromText(value.toString(), jdbcType);
      case Types.DOUBLE:
      case Types.FLOAT:
        return value instanceof Number n ? (Object) n.doubleValue()
            : fromText(value.toString(), jdbcType);
      case Types.DECIMAL:
      case Types.NUMERIC:
        return value instanceof BigDecimal ? value : new BigDecimal(value.toString());
      case Types.VARCHAR:
      case Types.CHAR:
        return value instanceof byte[] ? value : value.toString();
      default:
        return value;
    }
  }

  /** A timestamp, with an offset moved to the session's zone (Jointure's wall clock). */
  static LocalDateTime timestamp(String text) {
    var parsed = TIMESTAMP.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
    if (parsed instanceof OffsetDateTime withOffset) {
      return withOffset.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
    }
    return (LocalDateTime) parsed;
  }

  private static boolean bool(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "t": case "true": case "y": case "yes": case "on": case "1":
        return true;
      case "f": case "false": case "n": case "no": case "off": case "0":
        return false;
      default:
        throw new IllegalArgumentException("\"" + text + "\" is not a boolean");
    }
  }

  private static String typeName(int jdbcType) {
    try {
      return java.sql.JDBCType.valueOf(jdbcType).getName().toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "type " + jdbcType;
    }
  }
}
