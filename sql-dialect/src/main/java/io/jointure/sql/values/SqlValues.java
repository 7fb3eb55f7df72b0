package io.jointure.sql.values;

import static org.apache.calcite.avatica.util.DateTimeUtils.MILLIS_PER_DAY;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * SQL values in Calcite's internal form, and the Java forms around it: the one place that knows
 * a DATE is an {@code int} of days since 1970-01-01, a TIME an {@code int} of milliseconds of the
 * day, a TIMESTAMP a {@code long} of milliseconds of its wall-clock time read as UTC; that an
 * instant (a MongoDB date, a timestamptz) is shown as the session's (the JVM's) wall clock; and
 * which numbers are whole numbers of a SQL integer type. Sources read their own formats (JDBC,
 * BSON, JSON) and hand the values here; user functions and JDBC binds get java.time values.
 */
public final class SqlValues {

  private SqlValues() {
  }

  public static LocalDate date(int days) {
    return LocalDate.ofEpochDay(days);
  }

  public static int days(LocalDate date) {
    return Math.toIntExact(date.toEpochDay());
  }

  public static LocalTime time(int millisOfDay) {
    return LocalTime.ofNanoOfDay(millisOfDay * 1_000_000L);
  }

  public static int millisOfDay(LocalTime time) {
    return (int) (time.toNanoOfDay() / 1_000_000);
  }

  public static LocalDateTime timestamp(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC)
        .plusNanos(Math.floorMod(millis, 1000) * 1_000_000L);
  }

  public static long millis(LocalDateTime time) {
    return time.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** An instant as the session's wall clock (Jointure shows instants in the JVM's zone). */
  public static long wallClockMillis(Instant instant) {
    return millis(LocalDateTime.ofInstant(instant, ZoneId.systemDefault()));
  }

  /** The instant a session wall-clock time stands for (the earlier one when it is ambiguous). */
  public static Instant instant(long wallClockMillis) {
    return timestamp(wallClockMillis).atZone(ZoneId.systemDefault()).toInstant();
  }

  /**
   * Milliseconds as PostgreSQL prints a fraction of a second, trailing zeros dropped: 500 as
   * {@code .5}, 50 as {@code .05}; nothing for none.
   */
  static void appendFraction(StringBuilder out, long millis) {
    if (millis == 0) {
      return;
    }
    long digits = millis;
    int places = 3;
    while (digits % 10 == 0) {
      digits /= 10;
      places--;
    }
    String text = Long.toString(digits);
    out.append('.').append("00", 0, places - text.length()).append(text);
  }

  /** The days of a wall-clock timestamp's date. */
  public static int dateOf(long millis) {
    return (int) Math.floorDiv(millis, MILLIS_PER_DAY);
  }

  /** A whole number that fits a long (2, 2.0, -7E+2), or null (2.5, 2^64). */
  public static Long wholeLong(BigDecimal number) {
    if (number.signum() == 0) {
      return 0L;
    }
    BigDecimal whole = number.stripTrailingZeros();
    if (whole.scale() > 0 || whole.toBigInteger().bitLength() >= 64) {
      return null;
    }
    return whole.longValueExact();
  }

  /**
   * A number as a value of a SQL integer type, exactly or not at all.
   *
   * @throws ArithmeticException when it has a fraction or is out of the type's range
   */
  public static Object exactInteger(BigDecimal number, SqlTypeName type) {
    Long whole = wholeLong(number);
    if (whole == null) {
      throw new ArithmeticException(number.toPlainString() + " is not a whole " + type);
    }
    long n = whole;
    return switch (type) {
      case TINYINT -> (byte) checkRange(n, Byte.MIN_VALUE, Byte.MAX_VALUE, type);
      case SMALLINT -> (short) checkRange(n, Short.MIN_VALUE, Short.MAX_VALUE, type);
      case INTEGER -> (int) checkRange(n, Integer.MIN_VALUE, Integer.MAX_VALUE, type);
      default -> n;
    };
  }

  private static long checkRange(long n, long min, long max, SqlTypeName type) {
    if (n < min || n > max) {
      throw new ArithmeticException(n + " is out of the range of " + type);
    }
    return n;
  }

  /** Any number as a decimal: doubles by their shortest text, so 0.1 stays 0.1. */
  public static BigDecimal decimal(Number number) {
    if (number instanceof BigDecimal d) {
      return d;
    }
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new ArithmeticException("the number " + d + " has no SQL DECIMAL value");
      }
      return number instanceof Float f ? new BigDecimal(f.toString()) : BigDecimal.valueOf(d);
    }
    return new BigDecimal(number.toString());
  }

  /**
   * Calcite's internal value as the Java value user functions take and JDBC binds: java.time for
   * dates and times, the value itself otherwise.
   */
  public static Object toJava(Object value, SqlTypeName type) {
    if (value == null || type == null) {
      return value;
    }
    return switch (type) {
      case DATE -> value instanceof Number days ? date(days.intValue()) : value;
      case TIME -> value instanceof Number millis ? time(millis.intValue()) : value;
      case TIMESTAMP -> value instanceof Number millis ? timestamp(millis.longValue()) : value;
      default -> value;
    };
  }

  /**
   * A Java value (what a JDBC driver returns, what a user function answers: numbers, strings,
   * java.time or java.sql dates and times, UUIDs, bytes) as Calcite's internal value of a type.
   *
   * @throws ClassCastException, NumberFormatException or ArithmeticException when it does not
   *     fit the type
   */
  public static Object toInternal(Object value, SqlTypeName type) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case DATE -> value instanceof java.sql.Date d ? days(d.toLocalDate())
          : days((LocalDate) value);
      case TIME -> value instanceof java.sql.Time t ? millisOfDay(t.toLocalTime())
          : millisOfDay((LocalTime) value);
      case TIMESTAMP -> value instanceof java.sql.Timestamp t ? millis(t.toLocalDateTime())
          : millis((LocalDateTime) value);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> value instanceof java.sql.Timestamp t ? t.getTime()
          : ((OffsetDateTime) value).toInstant().toEpochMilli();
      case UUID -> value instanceof UUID ? value : UUID.fromString(value.toString());
      case VARBINARY, BINARY -> value instanceof ByteString ? value
          : new ByteString((byte[]) value);
      case TINYINT -> ((Number) value).byteValue();
      case SMALLINT -> ((Number) value).shortValue();
      case INTEGER -> ((Number) value).intValue();
      case BIGINT -> ((Number) value).longValue();
      case REAL -> ((Number) value).floatValue();
      case FLOAT, DOUBLE -> ((Number) value).doubleValue();
      case DECIMAL -> value instanceof BigDecimal ? value : new BigDecimal(value.toString());
      case BOOLEAN -> (Boolean) value;
      case CHAR, VARCHAR -> value.toString();
      default -> value;
    };
  }
}
