package io.jointure.sql.values;

import static org.apache.calcite.avatica.util.DateTimeUtils.MILLIS_PER_DAY;

import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.JointureException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * PostgreSQL's casts where Calcite's differ, over Calcite's internal values: numbers to integers
 * round (numeric half away from zero, double precision half to even) and fail past the type's
 * range; text to boolean takes {@code t/true/yes/on/1} and their opposites; booleans print as
 * {@code true}/{@code false}, doubles in the shortest form that reads back, timestamps with only
 * the fractional digits they have.
 */
public final class PostgresCasts {
  private PostgresCasts() {
  }

  public static boolean textToBoolean(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (!t.isEmpty()) {
      if ("true".startsWith(t) || "yes".startsWith(t) || t.equals("on") || t.equals("1")) {
        return true;
      }
      if ("false".startsWith(t) || "no".startsWith(t) || t.equals("off") || t.equals("of")
          || t.equals("0")) {
        return false;
      }
    }
    throw invalid("boolean", text);
  }

  public static String booleanToText(boolean value) {
    return value ? "true" : "false";
  }

  public static boolean integerToBoolean(int value) {
    return value != 0;
  }

  public static int decimalToInteger(BigDecimal value) {
    return (int) inRange(value.setScale(0, RoundingMode.HALF_UP), Integer.MIN_VALUE,
        Integer.MAX_VALUE, "integer");
  }

  public static long decimalToBigint(BigDecimal value) {
    return inRange(value.setScale(0, RoundingMode.HALF_UP), Long.MIN_VALUE, Long.MAX_VALUE,
        "bigint");
  }

  public static short decimalToSmallint(BigDecimal value) {
    return (short) inRange(value.setScale(0, RoundingMode.HALF_UP), Short.MIN_VALUE,
        Short.MAX_VALUE, "smallint");
  }

  public static int doubleToInteger(double value) {
    return (int) inRange(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
  }

  public static long doubleToBigint(double value) {
    return inRange(value, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
  }

  public static short doubleToSmallint(double value) {
    return (short) inRange(value, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
  }

  private static long inRange(BigDecimal whole, long min, long max, String type) {
    if (whole.compareTo(BigDecimal.valueOf(min)) < 0
        || whole.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw outOfRange(type);
    }
    return whole.longValueExact();
  }

  private static long inRange(double value, long min, long max, String type) {
    double rounded = Math.rint(value);
    if (Double.isNaN(rounded) || rounded < min || rounded > max
        || (max == Long.MAX_VALUE && rounded >= 0x1p63)) {
      throw outOfRange(type);
    }
    return (long) rounded;
  }

  private static final java.util.regex.Pattern DATE_TIME = java.util.regex.Pattern.compile(
      "\\s*(\\d{4,})-(\\d{1,2})-(\\d{1,2})(?:(?:T|\\s+)(\\d{1,2}):(\\d{2})"
          + "(?::(\\d{2})(?:\\.(\\d+))?)?)?\\s*(?:Z|[+-]\\d{1,2}(?::?\\d{2})?|UTC|GMT)?\\s*");

  /**
   * Text to timestamp as PostgreSQL reads ISO 8601: {@code 2024-03-17}, {@code 2024-03-17
   * 13:45:12.5}, {@code 2024-03-17T13:45:12Z}; a zone suffix is ignored, as PostgreSQL ignores it
   * for a timestamp without time zone.
   */
  public static long textToTimestamp(String text) {
    java.util.regex.Matcher m = DATE_TIME.matcher(text);
    if (!m.matches()) {
      throw new JointureException(ErrorCode.INVALID_DATETIME_FORMAT,
          "invalid input syntax for type timestamp: \"" + text + "\"");
    }
    try {
      LocalDateTime time = LocalDateTime.of(Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
          m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
          m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      long millis = SqlValues.millis(time);
      if (m.group(7) != null) {
        millis += new BigDecimal("0." + m.group(7)).movePointRight(3)
            .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
      }
      return millis;
    } catch (java.time.DateTimeException e) {
      throw new JointureException(ErrorCode.DATETIME_FIELD_OVERFLOW,
          "date/time field value out of range: \"" + text + "\"");
    }
  }

  /** Text to date: the date part of what {@link #textToTimestamp} reads. */
  public static int textToDate(String text) {
    return SqlValues.dateOf(textToTimestamp(text));
  }

  /** PostgreSQL's float8 output: the shortest digits that read back, exponent past 1e15. */
  public static String doubleToText(double value) {
    return floatText(value, Double.toString(value), 15);
  }

  /** PostgreSQL's float4 output: as float8's, exponent past 1e6. */
  public static String realToText(float value) {
    return floatText(value, Float.toString(value), 6);
  }

  private static String floatText(double value, String javaText, int maxExponent) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0" : "0";
    }
    BigDecimal digits = new BigDecimal(javaText).stripTrailingZeros();
    int exponent = digits.precision() - digits.scale() - 1;
    if (exponent < -4 || exponent >= maxExponent) {
      String mantissa = digits.movePointLeft(exponent).toPlainString();
      return mantissa + "e" + (exponent < 0 ? "-" : "+")
          + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }
    return digits.toPlainString();
  }

  /**
   * An interval of days and time as PostgreSQL prints it ({@code 441 days 13:45:12.5}); whole
   * days are split off the milliseconds Calcite keeps (PostgreSQL keeps the fields as written:
   * its {@code interval '36 hours'} prints {@code 36:00:00}, this {@code 1 day 12:00:00}).
   */
  public static String dayTimeIntervalToText(long millis) {
    return new IntervalText(0, (int) (millis / MILLIS_PER_DAY), millis % MILLIS_PER_DAY)
        .toPostgresText();
  }

  /** An interval of months as PostgreSQL prints it: {@code 1 year 2 mons}. */
  public static String yearMonthIntervalToText(int months) {
    return new IntervalText(months, 0, 0).toPostgresText();
  }

  /** PostgreSQL's timestamp output: {@code 2024-03-17 13:45:12.5}. */
  public static String timestampToText(long millis) {
    LocalDateTime t = SqlValues.timestamp(millis);
    int fraction = (int) Math.floorMod(millis, 1000);
    StringBuilder text = new StringBuilder();
    int year = t.getYear();
    text.append(String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d",
        year > 0 ? year : 1 - year, t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
        t.getMinute(), t.getSecond()));
    SqlValues.appendFraction(text, fraction);
    if (year <= 0) {
      text.append(" BC");
    }
    return text.toString();
  }

  private static JointureException outOfRange(String type) {
    return new JointureException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, type + " out of range");
  }

  private static JointureException invalid(String type, String text) {
    return new JointureException(ErrorCode.INVALID_TEXT_REPRESENTATION,
        "invalid input syntax for type " + type + ": \"" + text + "\"");
  }
}
