package io.jointure.sql.parser;

import io.jointure.sql.parser.SqlTokens.Token;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL syntax that Calcite's Babel parser does not take, rewritten into function calls it
 * does take; the validator ({@code PostgresRewriter}) gives them back their meaning:
 * <ul>
 *   <li>{@code SELECT DISTINCT ON (a, b) x, y} becomes {@code SELECT DISTINCT_ON(a, b), x, y};
 *   <li>an interval literal without a field qualifier, {@code interval '2 hours 30 minutes'},
 *       and the casts {@code '1 day'::interval} and {@code CAST('1 day' AS interval)} become
 *       {@code JOINTURE_INTERVAL('2 hours 30 minutes')}.
 * </ul>
 * Strings, quoted identifiers and comments are never touched. {@link Adapted#edits()} maps
 * positions in the rewritten text back to the user's text, for error messages.
 */
public final class PostgresSyntax {
  /** The marker call standing for DISTINCT ON; as long as "DISTINCT ON", to keep positions. */
  public static final String DISTINCT_ON = "DISTINCT_ON";
  /** The marker call standing for a PostgreSQL interval literal. */
  public static final String INTERVAL = "JOINTURE_INTERVAL";

  /** Words that may follow {@code INTERVAL '...'} as Calcite's (SQL standard) qualifier. */
  private static final Set<String> QUALIFIERS = Set.of("YEAR", "YEARS", "MONTH", "MONTHS",
      "DAY", "DAYS", "HOUR", "HOURS", "MINUTE", "MINUTES", "SECOND", "SECONDS", "WEEK", "WEEKS",
      "QUARTER", "QUARTERS");

  /** The rewritten text and the way back to the user's positions. */
  public record Adapted(String text, TextEdits edits) {
  }

  private PostgresSyntax() {
  }

  public static Adapted adapt(String sql) {
    List<Token> tokens = SqlTokens.of(sql);
    TextEdits edits = new TextEdits(sql);
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.isWord("DISTINCT") && i > 0 && tokens.get(i - 1).isWord("SELECT")
          && i + 2 < tokens.size() && tokens.get(i + 1).isWord("ON")
          && tokens.get(i + 2).isSymbol("(")) {
        i = distinctOn(sql, tokens, i, edits);
      } else if (token.isWord("INTERVAL") && i + 1 < tokens.size()
          && tokens.get(i + 1).isPlainString()
          && !(i + 2 < tokens.size() && tokens.get(i + 2).kind() == SqlTokens.Kind.WORD
              && QUALIFIERS.contains(tokens.get(i + 2).upper()))) {
        Token literal = tokens.get(i + 1);
        edits.replace(token.start(), literal.end(), INTERVAL + "(" + literal.text() + ")");
        i++;
      } else if (token.isPlainString() && i + 2 < tokens.size()
          && tokens.get(i + 1).isSymbol("::") && tokens.get(i + 2).isWord("INTERVAL")) {
        edits.replace(token.start(), tokens.get(i + 2).end(), INTERVAL + "(" + token.text() + ")");
        i += 2;
      } else if (token.isWord("CAST") && i + 5 < tokens.size()
          && tokens.get(i + 1).isSymbol("(") && tokens.get(i + 2).isPlainString()
          && tokens.get(i + 3).isWord("AS") && tokens.get(i + 4).isWord("INTERVAL")
          && tokens.get(i + 5).isSymbol(")")) {
        edits.replace(token.start(), tokens.get(i + 5).end(),
            INTERVAL + "(" + tokens.get(i + 2).text() + ")");
        i += 5;
      }
    }
    return new Adapted(edits.isEmpty() ? sql : edits.apply(), edits);
  }

  /**
   * {@code DISTINCT ON (keys) first} to {@code DISTINCT_ON(keys), first}: the whitespace after
   * the closing parenthesis becomes the comma, so that positions after it stay where they were.
   */
  private static int distinctOn(String sql, List<Token> tokens, int at, TextEdits edits) {
    Token distinct = tokens.get(at);
    Token on = tokens.get(at + 1);
    int depth = 0;
    int close = -1;
    for (int j = at + 2; j < tokens.size(); j++) {
      if (tokens.get(j).isSymbol("(")) {
        depth++;
      } else if (tokens.get(j).isSymbol(")") && --depth == 0) {
        close = j;
        break;
      }
    }
    if (close < 0) {
      return at; // unbalanced: let the parser report it
    }
    edits.replace(distinct.start(), on.end(), DISTINCT_ON);
    int after = tokens.get(close).end();
    if (after < sql.length() && (sql.charAt(after) == ' ' || sql.charAt(after) == '\t')) {
      edits.replace(after, after + 1, ",");
    } else {
      edits.replace(after, after, ",");
    }
    return at + 1; // the keys may hold intervals too
  }
}
