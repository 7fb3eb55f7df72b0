package io.jointure.sql.values;

import static org.apache.calcite.avatica.util.DateTimeUtils.MILLIS_PER_DAY;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's interval input ({@code '40 years'}, {@code '2 hours 30 minutes'},
 * {@code '1 day 02:00:00'}, {@code '@ 3 days ago'}, {@code '1.5 hours'}), read into its three
 * parts as PostgreSQL keeps them: months, days, and milliseconds (Calcite's time precision).
 * Fractions spill down as PostgreSQL spills them: a month is 30 days, a day 24 hours.
 */
public record IntervalText(int months, int days, long millis) {
  private static final Pattern QUANTITY =
      Pattern.compile("([+-]?\\d+(?:\\.\\d*)?|[+-]?\\.\\d+)\\s*([a-z]+)");
  private static final Pattern CLOCK =
      Pattern.compile("([+-]?)(\\d+):(\\d{1,2})(?::(\\d{1,2}(?:\\.\\d*)?))?");

  /** Unit name to (months, days, millis) of one unit. */
  private static final Map<String, long[]> UNITS = Map.ofEntries(flat(
      unit(new long[] {0, 0, 0}, "microsecond", "microseconds", "us", "usec", "usecs"),
      unit(new long[] {0, 0, 1}, "millisecond", "milliseconds", "ms", "msec", "msecs"),
      unit(new long[] {0, 0, 1000}, "second", "seconds", "s", "sec", "secs"),
      unit(new long[] {0, 0, 60_000}, "minute", "minutes", "m", "min", "mins"),
      unit(new long[] {0, 0, 3_600_000}, "hour", "hours", "h", "hr", "hrs"),
      unit(new long[] {0, 1, 0}, "day", "days", "d"),
      unit(new long[] {0, 7, 0}, "week", "weeks", "w"),
      unit(new long[] {1, 0, 0}, "month", "months", "mon", "mons"),
      unit(new long[] {12, 0, 0}, "year", "years", "y", "yr", "yrs"),
      unit(new long[] {120, 0, 0}, "decade", "decades"),
      unit(new long[] {1200, 0, 0}, "century", "centuries"),
      unit(new long[] {12000, 0, 0}, "millennium", "millennia")));

  private static Map.Entry<String, long[]>[] unit(long[] size, String... names) {
    @SuppressWarnings("unchecked")
    Map.Entry<String, long[]>[] entries = new Map.Entry[names.length];
    for (int i = 0; i < names.length; i++) {
      entries[i] = Map.entry(names[i], size);
    }
    return entries;
  }

  @SafeVarargs
  private static <K, V> Map.Entry<K, V>[] flat(Map.Entry<K, V>[]... groups) {
    return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream)
        .toArray(Map.Entry[]::new);
  }

  /** Whether the interval has a year-month part and a day-time part both. */
  public boolean isMixed() {
    return months != 0 && (days != 0 || millis != 0);
  }

  public boolean isYearMonth() {
    return days == 0 && millis == 0;
  }

  /** The interval in milliseconds, a month as 30 days (Calcite's day-time interval value). */
  public long dayTimeMillis() {
    return (months * 30L + days) * MILLIS_PER_DAY + millis;
  }

  /**
   * Reads PostgreSQL's interval text.
   *
   * @throws IllegalArgumentException naming the text when it is not an interval
   */
  public static IntervalText parse(String text) {
    String rest = text.trim().toLowerCase(Locale.ROOT);
    boolean ago = false;
    if (rest.startsWith("@")) {
      rest = rest.substring(1).trim();
    }
    if (rest.endsWith(" ago")) {
      ago = true;
      rest = rest.substring(0, rest.length() - 4).trim();
    }
    if (rest.isEmpty()) {
      throw invalid(text);
    }
    BigDecimal months = BigDecimal.ZERO;
    BigDecimal days = BigDecimal.ZERO;
    BigDecimal millis = BigDecimal.ZERO;
    int at = 0;
    while (at < rest.length()) {
      if (Character.isWhitespace(rest.charAt(at)) || rest.charAt(at) == ',') {
        at++;
        continue;
      }
      Matcher clock = CLOCK.matcher(rest).region(at, rest.length());
      Matcher quantity = QUANTITY.matcher(rest).region(at, rest.length());
      if (clock.lookingAt()) {
        BigDecimal time = new BigDecimal(clock.group(2)).multiply(BigDecimal.valueOf(3_600_000))
            .add(new BigDecimal(clock.group(3)).multiply(BigDecimal.valueOf(60_000)));
        if (clock.group(4) != null) {
          time = time.add(new BigDecimal(clock.group(4)).multiply(BigDecimal.valueOf(1000)));
        }
        millis = millis.add(clock.group(1).equals("-") ? time.negate() : time);
        at = clock.end();
      } else if (quantity.lookingAt()) {
        long[] size = UNITS.get(quantity.group(2));
        if (size == null) {
          throw invalid(text);
        }
        BigDecimal amount = new BigDecimal(quantity.group(1));
        if (quantity.group(2).startsWith("microsecond") || quantity.group(2).startsWith("us")) {
          millis = millis.add(amount.movePointLeft(3));
        }
        months = months.add(amount.multiply(BigDecimal.valueOf(size[0])));
        days = days.add(amount.multiply(BigDecimal.valueOf(size[1])));
        millis = millis.add(amount.multiply(BigDecimal.valueOf(size[2])));
        at = quantity.end();
      } else {
        throw invalid(text);
      }
    }
    // Fractions spill down: months to days (30 a month), days to milliseconds.
    BigDecimal wholeMonths = months.setScale(0, RoundingMode.DOWN);
    days = days.add(months.subtract(wholeMonths).multiply(BigDecimal.valueOf(30)));
    BigDecimal wholeDays = days.setScale(0, RoundingMode.DOWN);
    millis = millis.add(days.subtract(wholeDays).multiply(BigDecimal.valueOf(MILLIS_PER_DAY)));
    int sign = ago ? -1 : 1;
    try {
      return new IntervalText(sign * wholeMonths.intValueExact(), sign * wholeDays.intValueExact(),
          sign * millis.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("interval field value out of range: \"" + text + "\"");
    }
  }

  /**
   * PostgreSQL's output of an interval (its default {@code postgres} style):
   * {@code 1 year 2 mons 3 days 04:05:06.5}, each field with its sign, a time after a negative
   * field marked {@code +}, zero as {@code 00:00:00}.
   */
  public String toPostgresText() {
    StringBuilder out = new StringBuilder();
    boolean[] negativeBefore = {false};
    field(out, months / 12, "year", negativeBefore);
    field(out, months % 12, "mon", negativeBefore);
    field(out, days, "day", negativeBefore);
    if (millis != 0 || out.isEmpty()) {
      long abs = Math.abs(millis);
      if (!out.isEmpty()) {
        out.append(' ');
      }
      if (millis < 0) {
        out.append('-');
      } else if (negativeBefore[0]) {
        out.append('+');
      }
      out.append(String.format(Locale.ROOT, "%02d:%02d:%02d", abs / 3_600_000,
          abs / 60_000 % 60, abs / 1000 % 60));
      SqlValues.appendFraction(out, abs % 1000);
    }
    return out.toString();
  }

  private static void field(StringBuilder out, int value, String unit,
      boolean[] negativeBefore) {
    if (value == 0) {
      return;
    }
    if (!out.isEmpty()) {
      out.append(' ');
    }
    if (value > 0 && negativeBefore[0]) {
      out.append('+');
    }
    out.append(value).append(' ').append(unit).append(value == 1 ? "" : "s");
    negativeBefore[0] = value < 0;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "invalid input syntax for type interval: \"" + text + "\"");
  }
}
