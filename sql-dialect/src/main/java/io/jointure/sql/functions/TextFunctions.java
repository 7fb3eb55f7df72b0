package io.jointure.sql.functions;

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
    return rtrim(ltrim(text, characters), characters);
  }

  public static String ltrim(String text) {
    return ltrim(text, " ");
  }

  public static String ltrim(String text, String characters) {
    int start = 0;
    while (start < text.length() && characters.indexOf(text.charAt(start)) >= 0) {
      start++;
    }
    return text.substring(start);
  }

  public static String rtrim(String text) {
    return rtrim(text, " ");
  }

  public static String rtrim(String text, String characters) {
    int end = text.length();
    while (end > 0 && characters.indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return text.substring(0, end);
  }
}
