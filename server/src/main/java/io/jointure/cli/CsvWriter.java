package io.jointure.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** CSV as RFC 4180 has it: a header line, values quoted when they need to be, NULL as empty. */
final class CsvWriter implements ResultWriter {
  @Override
  public long write(ResultSet rows, PrintWriter out) throws SQLException {
    ResultSetMetaData md = rows.getMetaData();
    int columns = md.getColumnCount();
    StringBuilder line = new StringBuilder();
    for (int i = 1; i <= columns; i++) {
      line.append(i > 1 ? "," : "").append(quote(md.getColumnLabel(i)));
    }
    out.print(line.append("\r\n"));
    long count = 0;
    while (rows.next()) {
      line.setLength(0);
      for (int i = 1; i <= columns; i++) {
        String text = ColumnValues.text(rows, i);
        line.append(i > 1 ? "," : "").append(text == null ? "" : quote(text));
      }
      out.print(line.append("\r\n"));
      count++;
    }
    out.flush();
    return count;
  }

  private static String quote(String value) {
    if (value.isEmpty() || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n'
        || c == '\r')) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
