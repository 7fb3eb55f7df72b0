package io.jointure.demo.api;

import java.math.BigDecimal;
import java.util.Comparator;

/** How filters and sorts see a record's field values (scalars; nested values count as null). */
final class Values {
  /** Numbers, then booleans, then strings; numbers by value. Not null-safe. */
  static final Comparator<Object> ORDER = Values::compare;

  private Values() {}

  /** The value as text, as a query parameter would carry it ("2" for 2.0); null for null or nested. */
  static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Number n) {
      return decimal(n).stripTrailingZeros().toPlainString();
    }
    return null;
  }

  /** The value to sort on: the scalar itself, or null for null and nested values. */
  static Object sortKey(Object value) {
    return value instanceof String || value instanceof Boolean || value instanceof Number ? value : null;
  }

  private static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return decimal(x).compareTo(decimal(y));
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return x.compareTo(y);
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    return Integer.compare(rank(a), rank(b));
  }

  private static int rank(Object value) {
    return value instanceof Number ? 0 : value instanceof Boolean ? 1 : 2;
  }

  private static BigDecimal decimal(Number n) {
    return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
  }
}
