package io.jointure.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns under a header, like psql. When the rows are wider than the terminal, the
 * widest columns are narrowed (values cut with '…') until the table fits. Reads the whole result
 * first, to know the widths.
 */
final class TableWriter implements ResultWriter {
  private static final int NARROWEST = 6;
  private static final String SEPARATOR = " | ";

  /** The terminal's width in characters; 0 when unknown or not a terminal (no narrowing). */
  private final int width;

  TableWriter(int width) {
    this.width = width;
  }

  @Override
  public long write(ResultSet rows, PrintWriter out) throws SQLException {
    ResultSetMetaData md = rows.getMetaData();
    int columns = md.getColumnCount();
    String[] header = new String[columns];
    for (int i = 0; i < columns; i++) {
      header[i] = md.getColumnLabel(i + 1);
    }
    List<String[]> body = new ArrayList<>();
    while (rows.next()) {
      String[] row = new String[columns];
      for (int i = 0; i < columns; i++) {
        String text = ColumnValues.text(rows, i + 1);
        row[i] = text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
      }
      body.add(row);
    }
    int[] widths = fit(naturalWidths(header, body));
    out.println(line(header, widths));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < columns; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    out.println(rule);
    for (String[] row : body) {
      out.println(line(row, widths));
    }
    out.println("(" + body.size() + (body.size() == 1 ? " row)" : " rows)"));
    return body.size();
  }

  private static int[] naturalWidths(String[] header, List<String[]> body) {
    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = header[i].length();
    }
    for (String[] row : body) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    return widths;
  }

  /** Narrows the widest column, one character at a time, until the table fits the terminal. */
  int[] fit(int[] widths) {
    if (width <= 0) {
      return widths;
    }
    int total = SEPARATOR.length() * (widths.length - 1);
    for (int w : widths) {
      total += w;
    }
    while (total > width) {
      int widest = 0;
      for (int i = 1; i < widths.length; i++) {
        if (widths[i] > widths[widest]) {
          widest = i;
        }
      }
      if (widths[widest] <= NARROWEST) {
        break;
      }
      widths[widest]--;
      total--;
    }
    return widths;
  }

  private static String line(String[] values, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        line.append(SEPARATOR);
      }
      String value = values[i];
      if (value.length() > widths[i]) {
        value = value.substring(0, widths[i] - 1) + "…";
      }
      line.append(value);
      if (i < values.length - 1) {
        line.append(" ".repeat(widths[i] - value.length()));
      }
    }
    return line.toString();
  }
}
