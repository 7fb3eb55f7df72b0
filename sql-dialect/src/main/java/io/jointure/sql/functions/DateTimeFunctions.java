package io.jointure.sql.functions;

import static org.apache.calcite.avatica.util.DateTimeUtils.MILLIS_PER_DAY;

import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.JointureException;
import io.jointure.sql.values.SqlValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.util.format.postgresql.CompiledDateTimeFormat;
import org.apache.calcite.util.format.postgresql.PostgresqlDateTimeFormatter;

/**
 * PostgreSQL's date and time functions over Calcite's internal values: a TIMESTAMP is the
 * milliseconds of its wall-clock time read as UTC, a DATE the days since 1970-01-01.
 * PostgreSQL's rules: weeks start on Monday, {@code dow} counts from Sunday = 0, centuries and
 * millennia start in years ending in 01, {@code extract} answers numeric and {@code date_part}
 * double precision.
 */
public final class DateTimeFunctions {
  private static final PatternCache<CompiledDateTimeFormat> PATTERNS =
      new PatternCache<>(PostgresqlDateTimeFormatter::compilePattern);
  private static final PatternCache<List<Object>> TO_CHAR_PATTERNS =
      new PatternCache<>(DateTimeFunctions::toCharSegments);

  private DateTimeFunctions() {
  }

  /** {@code date_trunc(field, timestamp)}. */
  public static long dateTrunc(String field, long timestamp) {
    LocalDateTime t = SqlValues.timestamp(timestamp);
    LocalDateTime truncated = switch (unit(field)) {
      case "microseconds", "milliseconds" -> t;
      case "second" -> t.truncatedTo(ChronoUnit.SECONDS);
      case "minute" -> t.truncatedTo(ChronoUnit.MINUTES);
      case "hour" -> t.truncatedTo(ChronoUnit.HOURS);
      case "day" -> t.truncatedTo(ChronoUnit.DAYS);
      case "week" -> t.truncatedTo(ChronoUnit.DAYS)
          .minusDays(t.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
      case "month" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
      case "quarter" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
          .withMonth((t.getMonthValue() - 1) / 3 * 3 + 1);
      case "year" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
      case "decade" -> startOfYear(Math.floorDiv(t.getYear(), 10) * 10);
      case "century" -> startOfYear(Math.floorDiv(t.getYear() - 1, 100) * 100 + 1);
      case "millennium" -> startOfYear(Math.floorDiv(t.getYear() - 1, 1000) * 1000 + 1);
      default -> throw unsupported(field, "date_trunc");
    };
    return SqlValues.millis(truncated);
  }

  private static LocalDateTime startOfYear(int year) {
    return LocalDate.of(year, 1, 1).atStartOfDay();
  }

  /** {@code date_part(field, timestamp)}: double precision. */
  public static double datePart(String field, long timestamp) {
    return extract(field, timestamp).doubleValue();
  }

  /** {@code EXTRACT(field FROM timestamp)}: numeric. */
  public static BigDecimal extract(String field, long timestamp) {
    LocalDateTime t = SqlValues.timestamp(timestamp);
    BigDecimal seconds = BigDecimal.valueOf(t.getSecond() * 1000L + t.getNano() / 1_000_000,
        3);
    return switch (unit(field)) {
      case "microseconds" -> seconds.movePointRight(6).setScale(0, RoundingMode.UNNECESSARY);
      case "milliseconds" -> seconds.movePointRight(3).setScale(3, RoundingMode.UNNECESSARY);
      case "second" -> seconds.setScale(6, RoundingMode.UNNECESSARY);
      case "minute" -> BigDecimal.valueOf(t.getMinute());
      case "hour" -> BigDecimal.valueOf(t.getHour());
      case "day" -> BigDecimal.valueOf(t.getDayOfMonth());
      case "dow" -> BigDecimal.valueOf(t.getDayOfWeek().getValue() % 7);
      case "isodow" -> BigDecimal.valueOf(t.getDayOfWeek().getValue());
      case "doy" -> BigDecimal.valueOf(t.getDayOfYear());
      case "week" -> BigDecimal.valueOf(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case "month" -> BigDecimal.valueOf(t.getMonthValue());
      case "quarter" -> BigDecimal.valueOf((t.getMonthValue() - 1) / 3 + 1);
      case "year" -> BigDecimal.valueOf(t.getYear());
      case "isoyear" -> BigDecimal.valueOf(t.get(IsoFields.WEEK_BASED_YEAR));
      case "decade" -> BigDecimal.valueOf(Math.floorDiv(t.getYear(), 10));
      case "century" -> BigDecimal.valueOf(t.getYear() > 0 ? (t.getYear() + 99) / 100
          : -((99 - (t.getYear() - 1)) / 100));
      case "millennium" -> BigDecimal.valueOf(t.getYear() > 0 ? (t.getYear() + 999) / 1000
          : -((999 - (t.getYear() - 1)) / 1000));
      case "epoch" -> BigDecimal.valueOf(timestamp, 3).setScale(6, RoundingMode.UNNECESSARY);
      case "julian" -> BigDecimal.valueOf(t.toLocalDate().toEpochDay() + 2_440_588L);
      default -> throw unsupported(field, "extract");
    };
  }

  /** {@code EXTRACT(field FROM interval)} of days and time (milliseconds). */
  public static BigDecimal extractDayTime(String field, long millis) {
    long days = millis / MILLIS_PER_DAY;
    long rest = millis % MILLIS_PER_DAY;
    return switch (unit(field)) {
      case "epoch" -> BigDecimal.valueOf(millis, 3).setScale(6, RoundingMode.UNNECESSARY);
      case "day" -> BigDecimal.valueOf(days);
      case "hour" -> BigDecimal.valueOf(rest / 3_600_000);
      case "minute" -> BigDecimal.valueOf(rest / 60_000 % 60);
      case "second" -> BigDecimal.valueOf(rest % 60_000, 3).setScale(6, RoundingMode.UNNECESSARY);
      case "milliseconds" -> BigDecimal.valueOf(rest % 60_000).setScale(3,
          RoundingMode.UNNECESSARY);
      case "microseconds" -> BigDecimal.valueOf(rest % 60_000 * 1000);
      case "year", "month", "quarter", "decade", "century", "millennium" -> BigDecimal.ZERO;
      default -> throw unsupported(field, "extract");
    };
  }

  /**
   * {@code EXTRACT(field FROM interval)} of months; PostgreSQL's epoch counts 365.25 days a year.
   */
  public static BigDecimal extractYearMonth(String field, int months) {
    return switch (unit(field)) {
      case "epoch" -> BigDecimal.valueOf(months / 12 * 31_557_600L + months % 12 * 2_592_000L)
          .setScale(6, RoundingMode.UNNECESSARY);
      case "year" -> BigDecimal.valueOf(months / 12);
      case "month" -> BigDecimal.valueOf(months % 12);
      case "quarter" -> BigDecimal.valueOf(months % 12 / 3 + 1);
      case "decade" -> BigDecimal.valueOf(months / 120);
      case "century" -> BigDecimal.valueOf(months / 1200);
      case "millennium" -> BigDecimal.valueOf(months / 12000);
      case "day", "hour", "minute", "second", "milliseconds", "microseconds" -> BigDecimal.ZERO;
      default -> throw unsupported(field, "extract");
    };
  }

  /** {@code make_date(year, month, day)}. */
  public static int makeDate(int year, int month, int day) {
    try {
      return (int) LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      throw new JointureException(ErrorCode.DATETIME_FIELD_OVERFLOW,
          String.format(Locale.ROOT, "date field value out of range: %04d-%02d-%02d", year,
              month, day));
    }
  }

  /** {@code make_timestamp(year, month, day, hour, min, sec)}. */
  public static long makeTimestamp(int year, int month, int day, int hour, int minute,
      double second) {
    try {
      long millis = Math.round(second * 1000);
      return SqlValues.millis(LocalDateTime.of(year, month, day, hour, minute)) + millis;
    } catch (DateTimeException e) {
      throw new JointureException(ErrorCode.DATETIME_FIELD_OVERFLOW,
          "date/time field value out of range: " + year + "-" + month + "-" + day + " " + hour
              + ":" + minute + ":" + second);
    }
  }

  /**
   * {@code age(later, earlier)}: the difference in years, months, days and time as PostgreSQL
   * counts it (fields subtracted, a negative day count borrowing the days of the earlier date's
   * month), as PostgreSQL prints the interval.
   */
  public static String age(long later, long earlier) {
    boolean negative = later < earlier;
    LocalDateTime a = SqlValues.timestamp(later);
    LocalDateTime b = SqlValues.timestamp(earlier);
    int sign = negative ? -1 : 1;
    long millis = sign * ((a.getHour() * 3_600_000L + a.getMinute() * 60_000L
        + a.getSecond() * 1000L + a.getNano() / 1_000_000)
        - (b.getHour() * 3_600_000L + b.getMinute() * 60_000L + b.getSecond() * 1000L
        + b.getNano() / 1_000_000));
    int days = sign * (a.getDayOfMonth() - b.getDayOfMonth());
    int months = sign * (a.getMonthValue() - b.getMonthValue());
    int years = sign * (a.getYear() - b.getYear());
    while (millis < 0) {
      millis += MILLIS_PER_DAY;
      days--;
    }
    LocalDateTime borrowFrom = negative ? a : b;
    while (days < 0) {
      days += borrowFrom.toLocalDate().lengthOfMonth();
      months--;
    }
    while (months < 0) {
      months += 12;
      years--;
    }
    return new io.jointure.sql.values.IntervalText(sign * (years * 12 + months), sign * days,
        sign * millis).toPostgresText();
  }

  /** {@code date + integer}. */
  public static int addDays(int date, int days) {
    return Math.addExact(date, days);
  }

  /** {@code date - integer}. */
  public static int subtractDays(int date, int days) {
    return Math.subtractExact(date, days);
  }

  /** {@code date - date}: the days between them. */
  public static int daysBetween(int date, int other) {
    return Math.subtractExact(date, other);
  }

  /**
   * {@code to_char(timestamp, pattern)} with PostgreSQL's patterns (Calcite's formatter); text
   * in double quotes is copied as it is, as PostgreSQL copies it.
   */
  public static String toChar(long timestamp, String pattern) {
    ZonedDateTime time = SqlValues.timestamp(timestamp).atZone(ZoneOffset.UTC);
    StringBuilder out = new StringBuilder();
    for (Object segment : TO_CHAR_PATTERNS.get(pattern)) {
      out.append(segment instanceof CompiledDateTimeFormat fields
          ? fields.formatDateTime(time, Locale.ENGLISH) : segment);
    }
    return out.toString();
  }

  /** A {@code to_char} pattern as its date/time fields, compiled, and its quoted text. */
  private static List<Object> toCharSegments(String pattern) {
    List<Object> segments = new ArrayList<>();
    int at = 0;
    while (at < pattern.length()) {
      int quote = pattern.indexOf('"', at);
      String fields = quote < 0 ? pattern.substring(at) : pattern.substring(at, quote);
      if (!fields.isEmpty()) {
        segments.add(PostgresqlDateTimeFormatter.compilePattern(fields));
      }
      if (quote < 0) {
        break;
      }
      int close = pattern.indexOf('"', quote + 1);
      close = close < 0 ? pattern.length() : close;
      segments.add(pattern.substring(quote + 1, close));
      at = close + 1;
    }
    return segments;
  }

  /** {@code to_timestamp(text, pattern)}: the wall-clock time it reads. */
  public static long toTimestamp(String text, String pattern) {
    try {
      return SqlValues.millis(PATTERNS.get(pattern)
          .parseDateTime(text, ZoneOffset.UTC, Locale.ENGLISH).toLocalDateTime());
    } catch (Exception e) {
      throw new JointureException(ErrorCode.INVALID_DATETIME_FORMAT, "invalid value \"" + text
          + "\" for the pattern \"" + pattern + "\" of to_timestamp/to_date");
    }
  }

  /** {@code to_date(text, pattern)}. */
  public static int toDate(String text, String pattern) {
    return SqlValues.dateOf(toTimestamp(text, pattern));
  }

  /**
   * {@code to_timestamp(epoch seconds)}: PostgreSQL answers a timestamptz, which Jointure shows
   * as the wall-clock time in the session's (the JVM's) time zone.
   */
  public static long fromEpoch(double seconds) {
    Instant instant = Instant.ofEpochMilli(Math.round(seconds * 1000));
    return SqlValues.wallClockMillis(instant);
  }

  /** A field name as PostgreSQL reads it: case-insensitive, plurals and abbreviations too. */
  static String unit(String field) {
    String f = field.trim().toLowerCase(Locale.ROOT);
    return switch (f) {
      case "microsecond", "microseconds", "us", "usec", "usecs", "useconds" -> "microseconds";
      case "millisecond", "milliseconds", "ms", "msec", "msecs", "mseconds" -> "milliseconds";
      case "second", "seconds", "s", "sec", "secs" -> "second";
      case "minute", "minutes", "m", "min", "mins" -> "minute";
      case "hour", "hours", "h", "hr", "hrs" -> "hour";
      case "day", "days", "d" -> "day";
      case "week", "weeks", "w" -> "week";
      case "month", "months", "mon", "mons" -> "month";
      case "quarter", "qtr" -> "quarter";
      case "year", "years", "y", "yr", "yrs" -> "year";
      case "decade", "decades" -> "decade";
      case "century", "centuries" -> "century";
      case "millennium", "millennia", "millenniums" -> "millennium";
      default -> f;
    };
  }

  private static JointureException unsupported(String field, String function) {
    return new JointureException(ErrorCode.INVALID_PARAMETER_VALUE, "unit \"" + field
        + "\" not recognized by " + function + "; use one of microseconds, milliseconds, second,"
        + " minute, hour, day, week, month, quarter, year, decade, century, millennium"
        + (function.equals("date_trunc") ? "" : ", dow, isodow, doy, epoch, isoyear"));
  }
}
