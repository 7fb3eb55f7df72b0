package io.jointure.sql.functions;

import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.JointureException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * PostgreSQL's rounding: {@code round} and {@code trunc} of numeric round half away from zero
 * and cut toward zero at a (possibly negative) number of decimal places; {@code round} of
 * double precision rounds half to even, as the C library's {@code rint}.
 */
public final class NumericFunctions {
  private NumericFunctions() {
  }

  public static double round(double value) {
    return Math.rint(value);
  }

  public static BigDecimal round(BigDecimal value) {
    return value.setScale(0, RoundingMode.HALF_UP);
  }

  public static BigDecimal round(BigDecimal value, int places) {
    BigDecimal rounded = value.setScale(places, RoundingMode.HALF_UP);
    return places < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded;
  }

  public static double trunc(double value) {
    return value < 0 ? Math.ceil(value) : Math.floor(value);
  }

  public static BigDecimal trunc(BigDecimal value) {
    return value.setScale(0, RoundingMode.DOWN);
  }

  public static BigDecimal trunc(BigDecimal value, int places) {
    BigDecimal cut = value.setScale(places, RoundingMode.DOWN);
    return places < 0 ? cut.setScale(0, RoundingMode.UNNECESSARY) : cut;
  }

  /** {@code sqrt(double precision)}. */
  public static double sqrt(double value) {
    if (value < 0) {
      throw negativeRoot();
    }
    return Math.sqrt(value);
  }

  /** {@code sqrt(numeric)}: numeric, to 16 places. */
  public static BigDecimal sqrt(BigDecimal value) {
    if (value.signum() < 0) {
      throw negativeRoot();
    }
    return value.sqrt(new java.math.MathContext(value.precision() + 34))
        .setScale(16, RoundingMode.HALF_UP);
  }

  private static JointureException negativeRoot() {
    return new JointureException(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
        "cannot take square root of a negative number");
  }

  /** {@code to_char(numeric, pattern)}. */
  public static String toChar(BigDecimal value, String pattern) {
    return NumberFormat.format(value, pattern);
  }

  public static String toChar(double value, String pattern) {
    return NumberFormat.format(BigDecimal.valueOf(value), pattern);
  }
}
