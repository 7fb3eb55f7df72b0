package io.jointure.sql.functions;

import org.apache.calcite.runtime.SqlFunctions;

/** PostgreSQL's text functions that Calcite lacks or computes differently. */
public final class TextFunctions {
  private TextFunctions() {
  }

  /** {@code btrim(text)}: spaces off both ends. */
  public static String btrim(String text) {
    return btrim(text, " ");
  }

  /** {@code btrim(text, characters)}: any of the characters off both ends. */
  public static String btrim(String text, String characters) {
    return SqlFunctions.trim(true, true, characters, text, false);
  }

  public static String ltrim(String text) {
    return ltrim(text, " ");
  }

  public static String ltrim(String text, String characters) {
    return SqlFunctions.trim(true, false, characters, text, false);
  }

  public static String rtrim(String text) {
    return rtrim(text, " ");
  }

  public static String rtrim(String text, String characters) {
    return SqlFunctions.trim(false, true, characters, text, false);
  }

  /** {@code left(text, n)}: the first n characters; a negative n drops the last -n. */
  public static String left(String text, int n) {
    int length = text.codePointCount(0, text.length());
    int keep = n >= 0 ? Math.min(n, length) : Math.max(0, length + n);
    return text.substring(0, text.offsetByCodePoints(0, keep));
  }

  /** {@code right(text, n)}: the last n characters; a negative n drops the first -n. */
  public static String right(String text, int n) {
    int length = text.codePointCount(0, text.length());
    int keep = n >= 0 ? Math.min(n, length) : Math.max(0, length + n);
    return text.substring(text.offsetByCodePoints(0, length - keep));
  }

  /** {@code length(text)}: characters (not UTF-16 units). */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** {@code length(char(n))}: a char(n) value's trailing spaces do not count, in PostgreSQL. */
  public static int lengthOfChar(String text) {
    return length(rtrim(text));
  }

  public static String reverse(String text) {
    return SqlFunctions.reverse(text);
  }
}
