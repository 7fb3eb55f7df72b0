package io.jointure.pgwire.types;

import io.jointure.sql.values.PostgresText;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Result values in the protocol's text format, as PostgreSQL's output functions write them. */
public final class TextFormat {
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

  private TextFormat() {
  }

  /** Column {@code column}'s value as text bytes, or null for SQL NULL. */
  public static byte[] encode(ResultSet rows, int column, ColumnType type) throws SQLException {
    String text = text(rows, column, type);
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(ResultSet rows, int column, ColumnType type) throws SQLException {
    if (type.array()) {
      Array array = rows.getArray(column);
      return array == null ? null : array(type.type(), ColumnType.elements(array));
    }
    Object value = rows.getObject(column);
    if (value == null) {
      return null;
    }
    switch (type.type()) {
      case BOOL:
        return rows.getBoolean(column) ? "t" : "f";
      case FLOAT4:
        return PostgresText.float4(rows.getFloat(column));
      case FLOAT8:
        return PostgresText.float8(rows.getDouble(column));
      case NUMERIC:
        return PostgresText.withScale(rows.getBigDecimal(column), type.scale())
            .toPlainString();
      case BYTEA:
        return PostgresText.bytea(rows.getBytes(column));
      case TIME:
      case TIMESTAMP:
        return PostgresText.withoutTrailingZeros(rows.getString(column));
      case TIMESTAMPTZ:
        return withOffset(PostgresText.withoutTrailingZeros(rows.getString(column)));
      default:
        return value instanceof byte[] bytes ? PostgresText.bytea(bytes)
            : value instanceof BigDecimal decimal ? decimal.toPlainString()
            : rows.getString(column);
    }
  }

  /** A wall-clock timestamp of the session's zone, with that zone's offset: "... 10:00:00+01". */
  private static String withOffset(String local) {
    LocalDateTime at = LocalDateTime.parse(local.replace(' ', 'T'));
    String offset = at.atZone(ZoneId.systemDefault()).format(OFFSET);
    return local + (offset.endsWith(":00") ? offset.substring(0, 3) : offset);
  }

  /** An array literal: {1,2}, {"a b",NULL}; elements quoted where PostgreSQL quotes them. */
  static String array(PgType element, Object[] items) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < items.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      Object item = items[i];
      if (item == null) {
        out.append("NULL");
        continue;
      }
      String text = element(element, item);
      if (needsQuotes(text)) {
        out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      } else {
        out.append(text);
      }
    }
    return out.append('}').toString();
  }

  static String element(PgType element, Object item) {
    if (item instanceof Boolean b) {
      return b ? "t" : "f";
    }
    if (item instanceof Double d) {
      return PostgresText.float8(d);
    }
    if (item instanceof Float f) {
      return PostgresText.float4(f);
    }
    if (item instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (item instanceof byte[] bytes) {
      return PostgresText.bytea(bytes);
    }
    String text = item.toString();
    return element == PgType.TIMESTAMP || element == PgType.TIME
        ? PostgresText.withoutTrailingZeros(text) : text;
  }

  private static boolean needsQuotes(String text) {
    if (text.isEmpty() || text.equalsIgnoreCase("NULL")) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || c == '{' || c == '}' || c == ',' || Character.isWhitespace(c)) {
        return true;
      }
    }
    return false;
  }
}
