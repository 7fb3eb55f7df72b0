package io.jointure.adapter.sql;

/**
 * Puts generated SQL on one line, for logs, EXPLAIN and tests: Calcite's SQL writer starts some
 * clauses (JOIN, OFFSET, FETCH) on new lines whatever its configuration. Line breaks inside string
 * literals and quoted identifiers are kept.
 */
final class SingleLineSql {
  private SingleLineSql() {
  }

  static String of(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == quote) {
          quote = 0; // a doubled quote closes and reopens, which comes out the same
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        out.append(c);
      } else if (c == '\n' || c == '\r') {
        while (i + 1 < sql.length() && Character.isWhitespace(sql.charAt(i + 1))) {
          i++;
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
