package io.jointure.sql.values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HexFormat;

/**
 * Values written as PostgreSQL writes them in text: what psql shows and what the protocol's
 * text format carries. The command line's output and the PostgreSQL protocol both print here.
 */
public final class PostgresText {
  private PostgresText() {
  }

  /**
   * A decimal with its column's scale, as PostgreSQL prints numeric(12,2): 38.30, not 38.3
   * (values may lose trailing zeros on their way through the executor).
   */
  public static BigDecimal withScale(BigDecimal value, int columnScale) {
    if (columnScale > 0 && columnScale < 1000 && value.scale() < columnScale) {
      return value.setScale(columnScale, RoundingMode.UNNECESSARY);
    }
    return value;
  }

  /**
   * A timestamp or time without trailing zeros in its fraction, none when zero
   * ({@code 14:00:00}, {@code 14:00:00.5}); sources differ in precision (MongoDB's dates are
   * milliseconds), not in value.
   */
  public static String withoutTrailingZeros(String dateTime) {
    int dot = dateTime.lastIndexOf('.');
    if (dot < 0 || dot < dateTime.lastIndexOf(':')) {
      return dateTime;
    }
    int end = dateTime.length();
    while (end > dot + 1 && dateTime.charAt(end - 1) == '0') {
      end--;
    }
    return dateTime.substring(0, end == dot + 1 ? dot : end);
  }

  /** bytea in PostgreSQL's default hex output: {@code \x0a1b}. */
  public static String bytea(byte[] bytes) {
    return "\\x" + HexFormat.of().formatHex(bytes);
  }

  /**
   * A float8 as PostgreSQL 12+ prints it: the shortest text that reads back as the same double,
   * without a trailing {@code .0}, in exponent form below 1e-4 and from 1e15 (1e+16, 1.5e-05).
   */
  public static String float8(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    return shortest(Double.toString(value), 15);
  }

  /** A float4 as PostgreSQL prints it (exponent form from 1e6 on). */
  public static String float4(float value) {
    if (Float.isNaN(value)) {
      return "NaN";
    }
    if (Float.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    return shortest(Float.toString(value), 6);
  }

  private static String shortest(String javaText, int exponentFrom) {
    if (javaText.equals("0.0") || javaText.equals("-0.0")) {
      return javaText.startsWith("-") ? "-0" : "0";
    }
    BigDecimal exact = new BigDecimal(javaText).stripTrailingZeros();
    int exponent = exact.precision() - exact.scale() - 1;
    if (exponent < -4 || exponent >= exponentFrom) {
      String digits = exact.unscaledValue().abs().toString();
      String mantissa = digits.length() == 1 ? digits
          : digits.charAt(0) + "." + digits.substring(1);
      return (exact.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
          + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }
    return exact.toPlainString();
  }
}
