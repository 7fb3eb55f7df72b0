package io.jointure.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of a SQL text as PostgreSQL's lexer sees them, enough to find constructs without
 * looking inside strings, quoted identifiers and comments. Whitespace and comments are left out;
 * each token keeps its place in the text.
 */
public final class SqlTokens {
  public enum Kind { WORD, STRING, QUOTED_IDENTIFIER, NUMBER, SYMBOL }

  public record Token(Kind kind, int start, int end, String text) {
    public boolean isWord(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isSymbol(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** A plain '...' string (not E'...', U&'...' or N'...'). */
    public boolean isPlainString() {
      return kind == Kind.STRING && text.startsWith("'");
    }

    public String upper() {
      return text.toUpperCase(Locale.ROOT);
    }
  }

  private SqlTokens() {
  }

  public static List<Token> of(String sql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        // PostgreSQL ends a line comment at a line feed or a carriage return
        while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = blockCommentEnd(sql, i);
      } else if (c == '\'') {
        i = stringEnd(sql, i, false);
        tokens.add(new Token(Kind.STRING, start, i, sql.substring(start, i)));
      } else if ((c == 'E' || c == 'e' || c == 'N' || c == 'n') && i + 1 < n
          && sql.charAt(i + 1) == '\'') {
        i = stringEnd(sql, i + 1, c == 'E' || c == 'e');
        tokens.add(new Token(Kind.STRING, start, i, sql.substring(start, i)));
      } else if (c == '"') {
        i = quotedEnd(sql, i);
        tokens.add(new Token(Kind.QUOTED_IDENTIFIER, start, i, sql.substring(start, i)));
      } else if (Character.isLetter(c) || c == '_') {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
            || sql.charAt(i) == '$')) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, start, i, sql.substring(start, i)));
      } else if (Character.isDigit(c)) {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, start, i, sql.substring(start, i)));
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        i += 2;
        tokens.add(new Token(Kind.SYMBOL, start, i, "::"));
      } else {
        i++;
        tokens.add(new Token(Kind.SYMBOL, start, i, String.valueOf(c)));
      }
    }
    return tokens;
  }

  /** PostgreSQL's block comments nest. */
  private static int blockCommentEnd(String sql, int i) {
    int depth = 0;
    int n = sql.length();
    while (i < n) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return n;
  }

  /**
   * For each opening parenthesis or bracket among {@code tokens}, the index of the token that
   * closes it (-1 when none does); -1 for every other token. One pass, whatever the nesting.
   */
  public static int[] closers(List<Token> tokens) {
    int[] closer = new int[tokens.size()];
    java.util.Arrays.fill(closer, -1);
    java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("(") || t.isSymbol("[")) {
        open.push(i);
      } else if (t.isSymbol(")") || t.isSymbol("]")) {
        String opener = t.isSymbol(")") ? "(" : "[";
        // an unbalanced closer closes nothing; a mismatched one ends the openers it passes
        while (!open.isEmpty() && !tokens.get(open.peek()).isSymbol(opener)) {
          open.pop();
        }
        if (!open.isEmpty()) {
          closer[open.pop()] = i;
        }
      }
    }
    return closer;
  }

  /**
   * The text with its comments blanked (each character a space, line ends kept), so that
   * positions stay and no reader that sees comments differently (Calcite ends a {@code --}
   * comment at a carriage return, PostgreSQL does not) finds code where the other found a comment.
   * Hints ({@code /}{@code *+ ... *}{@code /}) stay.
   */
  public static String withoutComments(String sql) {
    if (!sql.contains("--") && !sql.contains("/*")) {
      return sql;
    }
    char[] text = sql.toCharArray();
    int at = 0;
    for (Token t : of(sql)) {
      blank(text, at, t.start());
      at = t.end();
    }
    blank(text, at, text.length);
    return new String(text);
  }

  /** Blanks the comments in [from, to), text between tokens: whitespace and comments only. */
  private static void blank(char[] text, int from, int to) {
    boolean hint = false;
    for (int i = from; i < to; i++) {
      if (!hint && text[i] == '/' && i + 2 < to && text[i + 1] == '*' && text[i + 2] == '+') {
        hint = true;
      }
      if (hint) {
        if (text[i] == '/' && i > from && text[i - 1] == '*' && i - 1 > from) {
          hint = false;
        }
        continue;
      }
      if (!Character.isWhitespace(text[i])) {
        text[i] = ' ';
      }
    }
  }

  /** The end of a string opened at {@code quote}: '' is a quote; in E'' strings, \ escapes. */
  private static int stringEnd(String sql, int quote, boolean backslashEscapes) {
    return closingQuote(sql, quote, '\'', backslashEscapes);
  }

  /** The end of a "quoted identifier": "" is a quote. */
  private static int quotedEnd(String sql, int quote) {
    return closingQuote(sql, quote, '"', false);
  }

  private static int closingQuote(String sql, int open, char quote, boolean backslashEscapes) {
    int i = open + 1;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < n && sql.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return n;
  }
}
