package io.jointure.cli;

import io.jointure.sql.values.PostgresText;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
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
      return PostgresText.bytea(bytes);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal(decimal, rows.getMetaData(), column).toPlainString();
    }
    int type = rows.getMetaData().getColumnType(column);
    if (type == Types.TIMESTAMP || type == Types.TIME) {
      return PostgresText.withoutTrailingZeros(rows.getString(column));
    }
    return rows.getString(column);
  }

  /** A decimal with its column's scale (38.30, not 38.3), for DECIMAL and NUMERIC columns. */
  static BigDecimal decimal(BigDecimal value, ResultSetMetaData md, int column)
      throws SQLException {
    int type = md.getColumnType(column);
    return type == Types.DECIMAL || type == Types.NUMERIC
        ? PostgresText.withScale(value, md.getScale(column)) : value;
  }
}
