package io.jointure.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at semicolons that are not inside a quoted string, a
 * quoted identifier or a comment. Empty statements are dropped.
 */
final class SqlScript {
  private SqlScript() {
  }

  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (c == '\'' || c == '"') {
        int end = closingQuote(script, i, c);
        current.append(script, i, end);
        i = end;
      } else if (c == '-' && script.startsWith("--", i)) {
        int end = script.indexOf('\n', i);
        end = end < 0 ? n : end;
        current.append(script, i, end);
        i = end;
      } else if (c == '/' && script.startsWith("/*", i)) {
        int end = script.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        current.append(script, i, end);
        i = end;
      } else if (c == ';') {
        add(statements, current);
        current.setLength(0);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    add(statements, current);
    return statements;
  }

  /** The index just past the quote closing the one at {@code start} (doubled quotes escape). */
  private static int closingQuote(String script, int start, char quote) {
    int i = start + 1;
    while (i < script.length()) {
      if (script.charAt(i) == quote) {
        if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return script.length();
  }

  private static void add(List<String> statements, StringBuilder statement) {
    String text = statement.toString().strip();
    if (!text.isEmpty() && !onlyComments(text)) {
      statements.add(text);
    }
  }

  private static boolean onlyComments(String text) {
    String rest = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("--[^\n]*", "").strip();
    return rest.isEmpty();
  }
}
