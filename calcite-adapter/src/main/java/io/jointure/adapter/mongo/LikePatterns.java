package io.jointure.adapter.mongo;

/**
 * Turns a SQL LIKE pattern into an anchored regular expression in which every character of the
 * pattern other than {@code %} and {@code _} matches only itself: regex metacharacters in user
 * values are escaped, never interpreted. The end anchor is {@code \z}, as {@code $} would also
 * match before a final line break.
 */
final class LikePatterns {
  private static final String METACHARACTERS = "\\^$.|?*+()[]{}/-#";

  private LikePatterns() {
  }

  /**
   * @param pattern the LIKE pattern
   * @param escape  the ESCAPE character, or 0 for none
   * @throws IllegalArgumentException if the escape character is last, or precedes anything but
   *     {@code %}, {@code _} or itself (SQL's rule)
   */
  static String toRegex(String pattern, char escape) {
    StringBuilder regex = new StringBuilder("^");
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (escape != 0 && c == escape) {
        if (++i == pattern.length()) {
          throw new IllegalArgumentException("LIKE pattern ends with its escape character");
        }
        char escaped = pattern.charAt(i);
        if (escaped != '%' && escaped != '_' && escaped != escape) {
          throw new IllegalArgumentException("invalid escape sequence in LIKE pattern");
        }
        literal(regex, escaped);
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        literal(regex, c);
      }
    }
    return regex.append("\\z").toString();
  }

  private static void literal(StringBuilder regex, char c) {
    if (METACHARACTERS.indexOf(c) >= 0) {
      regex.append('\\');
    }
    regex.append(c);
  }
}
