package io.jointure.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A result column's value as text, the way psql shows it (NULL as empty in CSV, arrays in braces). */
final class ColumnValues {
  private ColumnValues() {
  }

  /** The value of a column as text, or null for SQL NULL. */
  static String text(ResultSet rows, int column) throws SQLException {
    Object value = rows.getObject(column);
    if (value == null) {
      return null;
    }
    if (value instanceof Array array) {
      value = array.getArray();
    }
    if (value instanceof Object[] items) {
      List<String> parts = new ArrayList<>();
      for (Object item : items) {
        parts.add(String.valueOf(item));
      }
      return "{" + String.join(",", parts) + "}";
    }
    if (value instanceof byte[] bytes) {
      return "\\x" + HexFormat.of().formatHex(bytes);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal(decimal, rows.getMetaData(), column).toPlainString();
    }
    int type = rows.getMetaData().getColumnType(column);
    if (type == Types.TIMESTAMP || type == Types.TIME) {
      return withoutTrailingZeros(rows.getString(column));
    }
    return rows.getString(column);
  }

  /**
   * A timestamp or time as PostgreSQL prints it, whichever source it came from: fractional
   * seconds without trailing zeros, none when zero ({@code 14:00:00}, {@code 14:00:00.5}).
   * Sources differ in precision (MongoDB's dates are milliseconds), not in value.
   */
  static String withoutTrailingZeros(String text) {
    int dot = text.lastIndexOf('.');
    if (dot < 0 || dot < text.lastIndexOf(':')) {
      return text;
    }
    int end = text.length();
    while (end > dot + 1 && text.charAt(end - 1) == '0') {
      end--;
    }
    return text.substring(0, end == dot + 1 ? dot : end);
  }

  /**
   * A decimal with its column's scale, as PostgreSQL prints numeric(12,2): 38.30, not 38.3
   * (values may lose trailing zeros on their way through the executor).
   */
  static BigDecimal decimal(BigDecimal value, ResultSetMetaData md, int column)
      throws SQLException {
    int type = md.getColumnType(column);
    int scale = md.getScale(column);
    if ((type == Types.DECIMAL || type == Types.NUMERIC) && scale > 0 && scale < 1000
        && value.scale() < scale) {
      return value.setScale(scale, RoundingMode.UNNECESSARY);
    }
    return value;
  }
}
