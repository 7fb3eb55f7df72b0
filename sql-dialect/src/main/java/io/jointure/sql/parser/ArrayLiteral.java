package io.jointure.sql.parser;

import java.util.ArrayList;
import java.util.List;

/** PostgreSQL's text form of a one-dimensional array: {@code {1,2}}, {@code {"a b",NULL}}. */
final class ArrayLiteral {
  private ArrayLiteral() {
  }

  /**
   * The elements of {@code text} (null for SQL NULL), or null when it is not a one-dimensional
   * array literal (nested, unbalanced), which is then left to fail as it is.
   */
  static List<String> elements(String text) {
    String body = text.strip();
    if (body.length() < 2 || body.charAt(0) != '{' || body.charAt(body.length() - 1) != '}') {
      return null;
    }
    body = body.substring(1, body.length() - 1);
    List<String> elements = new ArrayList<>();
    if (body.isBlank()) {
      return elements;
    }
    StringBuilder element = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < body.length()) {
          element.append(body.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        } else {
          element.append(c);
        }
      } else if (c == '\\' && i + 1 < body.length()) {
        element.append(body.charAt(++i)); // an escaped character, outside quotes too
      } else if (c == '"') {
        quoted = true;
        wasQuoted = true;
      } else if (c == '{' || c == '}') {
        return null;
      } else if (c == ',') {
        elements.add(value(element, wasQuoted));
        element.setLength(0);
        wasQuoted = false;
      } else if (!Character.isWhitespace(c) || element.length() > 0) {
        element.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    elements.add(value(element, wasQuoted));
    return elements;
  }

  private static String value(StringBuilder element, boolean quoted) {
    String value = quoted ? element.toString() : element.toString().strip();
    return !quoted && value.equalsIgnoreCase("NULL") ? null : value;
  }
}
