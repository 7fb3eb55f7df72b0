package io.jointure.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A JSON array with one object per row, keyed by column label. Numbers and booleans stay JSON
 * numbers and booleans (decimals exactly, with their column's scale), SQL arrays JSON arrays;
 * everything else is its text; NULL is null. A script of several statements is one JSON
 * document: an array holding each statement's array.
 */
final class JsonWriter implements ResultWriter {
  @Override
  public void startScript(int statements, PrintWriter out) {
    if (statements > 1) {
      out.println("[");
    }
  }

  @Override
  public void betweenStatements(PrintWriter out) {
    out.println(",");
  }

  @Override
  public void endScript(int statements, PrintWriter out) {
    if (statements > 1) {
      out.println("]");
    }
  }

  @Override
  public long write(ResultSet rows, PrintWriter out) throws SQLException {
    ResultSetMetaData md = rows.getMetaData();
    int columns = md.getColumnCount();
    long count = 0;
    List<String> keys = uniqueKeys(md);
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      // A query failing midway must not leave a well-formed (and so seemingly complete) array.
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
      json.setPrettyPrinter(new OneRowPerLine());
      json.writeStartArray();
      while (rows.next()) {
        json.writeStartObject();
        for (int i = 1; i <= columns; i++) {
          json.writeFieldName(keys.get(i - 1));
          writeValue(json, rows, i, md.getColumnType(i));
        }
        json.writeEndObject();
        count++;
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    return count;
  }

  /**
   * Column labels as object keys, made unique ({@code name}, {@code name_2}): a JSON reader keeps
   * only the last of repeated keys, and {@code SELECT t.name, c.name} would lose a column.
   */
  private static List<String> uniqueKeys(ResultSetMetaData md) throws SQLException {
    List<String> keys = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      String label = md.getColumnLabel(i);
      String key = label;
      for (int n = 2; !taken.add(key); n++) {
        key = label + "_" + n;
      }
      keys.add(key);
    }
    return keys;
  }

  /** The array's brackets on lines of their own, one row object per line in between. */
  private static final class OneRowPerLine extends MinimalPrettyPrinter {
    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      g.writeRaw("[\n");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(",\n");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      g.writeRaw(values == 0 ? "]" : "\n]");
    }
  }

  /** A SQL array as a JSON array: numbers and booleans as such, anything else as text. */
  private static void writeArray(JsonGenerator json, Object array) throws IOException {
    List<Object> elements = new ArrayList<>();
    if (array instanceof java.util.Collection<?> collection) {
      elements.addAll(collection);
    } else if (array != null && array.getClass().isArray()) {
      for (int i = 0; i < java.lang.reflect.Array.getLength(array); i++) {
        elements.add(java.lang.reflect.Array.get(array, i));
      }
    }
    json.writeStartArray();
    for (Object element : elements) {
      if (element == null) {
        json.writeNull();
      } else if (element instanceof BigDecimal d) {
        json.writeNumber(d);
      } else if (element instanceof Long || element instanceof Integer
          || element instanceof Short || element instanceof Byte) {
        json.writeNumber(((Number) element).longValue());
      } else if (element instanceof Number n && Double.isFinite(n.doubleValue())) {
        json.writeNumber(n.doubleValue());
      } else if (element instanceof Boolean b) {
        json.writeBoolean(b);
      } else if (element instanceof java.sql.Array nested) {
        try {
          writeArray(json, nested.getArray());
        } catch (SQLException e) {
          throw new IOException(e);
        }
      } else {
        json.writeString(String.valueOf(element));
      }
    }
    json.writeEndArray();
  }

  private static void writeValue(JsonGenerator json, ResultSet rows, int column, int type)
      throws SQLException, IOException {
    Object value = rows.getObject(column);
    if (value == null) {
      json.writeNull();
      return;
    }
    switch (type) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT ->
          json.writeNumber(rows.getLong(column));
      case Types.DECIMAL, Types.NUMERIC -> json.writeNumber(
          ColumnValues.decimal(rows.getBigDecimal(column), rows.getMetaData(), column));
      case Types.ARRAY -> writeArray(json, rows.getArray(column).getArray());
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
        double d = rows.getDouble(column);
        if (Double.isFinite(d)) {
          json.writeNumber(d);
        } else {
          json.writeString(Double.toString(d));
        }
      }
      case Types.BOOLEAN, Types.BIT -> json.writeBoolean(rows.getBoolean(column));
      default -> {
        if (value instanceof BigDecimal d) {
          json.writeNumber(d);
        } else {
          json.writeString(ColumnValues.text(rows, column));
        }
      }
    }
  }
}
