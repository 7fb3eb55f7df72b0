package io.jointure.cli;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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
      return Arrays.toString(bytes);
    }
    return rows.getString(column);
  }
}
