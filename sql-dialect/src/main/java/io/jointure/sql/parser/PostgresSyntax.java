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
 *       {@code JOINTURE_INTERVAL('2 hours 30 minutes')};
 *   <li>{@code a - b::date} becomes {@code a - (b::date)}: in PostgreSQL {@code ::} binds to the
 *       operand right before it, where Babel would cast all of {@code a - b};
 *   <li>{@code x AS default}: a reserved word as a column label becomes {@code "default"}.
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
    infixCasts(tokens, edits);
    reservedLabels(tokens, edits);
    return new Adapted(edits.isEmpty() ? sql : edits.apply(), edits);
  }

  /** Lazily, Babel's reserved words (building a parser costs). */
  private static final class ReservedWords {
    static final java.util.SortedSet<String> WORDS;

    static {
      org.apache.calcite.sql.parser.SqlAbstractParserImpl.Metadata metadata =
          org.apache.calcite.sql.parser.babel.SqlBabelParserImpl.FACTORY
              .getParser(new java.io.StringReader("")).getMetadata();
      java.util.SortedSet<String> words = new java.util.TreeSet<>();
      for (String token : metadata.getTokens()) {
        if (token.matches("[A-Z_]+") && metadata.isReservedWord(token)) {
          words.add(token);
        }
      }
      WORDS = java.util.Collections.unmodifiableSortedSet(words);
    }
  }

  /**
   * The words Jointure's parser reserves, upper case: after AS they are quoted here, and
   * {@code pg_get_keywords()} lists them.
   */
  public static java.util.SortedSet<String> reservedWords() {
    return ReservedWords.WORDS;
  }

  /** Tokens after which an item's label ends. */
  private static final Set<String> AFTER_LABEL = Set.of("FROM", "WHERE", "GROUP", "HAVING",
      "ORDER", "LIMIT", "OFFSET", "UNION", "INTERSECT", "EXCEPT", "WINDOW", "FETCH", "INTO");

  /**
   * {@code SELECT x AS default, y AS select}: a reserved word as a column label, which
   * PostgreSQL takes after AS and Babel does not, becomes the quoted lowercase name PostgreSQL
   * gives it. Not in CAST(x AS type), and only where a label ends (a comma, a parenthesis, a
   * clause keyword, the end).
   */
  private static void reservedLabels(List<Token> tokens, TextEdits edits) {
    java.util.ArrayDeque<Boolean> castParens = new java.util.ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("(")) {
        castParens.push(i > 0 && (tokens.get(i - 1).isWord("CAST")
            || tokens.get(i - 1).isWord("TRY_CAST") || tokens.get(i - 1).isWord("SAFE_CAST")));
      } else if (t.isSymbol(")") && !castParens.isEmpty()) {
        castParens.pop();
      } else if (t.isWord("AS") && i + 1 < tokens.size()
          && !(castParens.isEmpty() ? false : castParens.peek())) {
        Token label = tokens.get(i + 1);
        Token next = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
        boolean ends = next == null || next.isSymbol(",") || next.isSymbol(")")
            || next.isSymbol(";") || next.kind() == SqlTokens.Kind.WORD
            && AFTER_LABEL.contains(next.upper());
        if (label.kind() == SqlTokens.Kind.WORD && ends && reservedWords().contains(label.upper())) {
          edits.replace(label.start(), label.end(),
              "\"" + label.text().toLowerCase(java.util.Locale.ROOT) + "\"");
        }
      }
    }
  }

  /** Words that may come before a parenthesized expression without being a function's name. */
  private static final Set<String> KEYWORDS = Set.of("SELECT", "WHERE", "AND", "OR", "NOT", "ON",
      "IN", "AS", "BY", "FROM", "WHEN", "THEN", "ELSE", "CASE", "IS", "LIKE", "ILIKE", "BETWEEN",
      "HAVING", "DISTINCT", "ALL", "ANY", "SOME", "EXISTS", "UNION", "INTERSECT", "EXCEPT",
      "JOIN", "USING", "VALUES", "LIMIT", "OFFSET", "OVER", "SIMILAR", "TO", "ESCAPE", "DESC",
      "ASC", "WITH", "LATERAL", "RETURNING");

  /** Words that continue a type name: {@code double precision}, {@code character varying}. */
  private static final Set<String> TYPE_WORDS = Set.of("PRECISION", "VARYING", "WITH",
      "WITHOUT", "TIME", "ZONE");

  /**
   * {@code x::int[]}, which Babel does not parse, as {@code CAST(x AS int ARRAY)}; an array
   * literal {@code '{1,2}'::int[]} as {@code ARRAY[CAST('1' AS int), CAST('2' AS int)]}, its
   * elements cast one by one (Calcite casts no text to an array).
   */
  private static void arrayCast(List<Token> tokens, int start, int cast, int end,
      TextEdits edits) {
    Token operand = tokens.get(start);
    String type = tokens.get(cast + 1).text();
    for (int i = cast + 2; i < end - 1; i++) {
      type += " " + tokens.get(i).text();
    }
    List<String> elements = start == cast - 1 && operand.isPlainString()
        ? ArrayLiteral.elements(operand.text().substring(1, operand.text().length() - 1)
            .replace("''", "'")) : null;
    if (elements != null && !elements.isEmpty()) {
      // Text elements stay literals: Calcite compares a CHAR with them, not with a VARCHAR.
      boolean text = TEXT_TYPES.contains(type.toUpperCase(java.util.Locale.ROOT));
      StringBuilder array = new StringBuilder("ARRAY[");
      for (int i = 0; i < elements.size(); i++) {
        String element = elements.get(i);
        String literal = element == null ? "NULL" : "'" + element.replace("'", "''") + "'";
        array.append(i == 0 ? "" : ", ").append(text && element != null ? literal
            : "CAST(" + literal + " AS " + type + ")");
      }
      edits.replace(operand.start(), tokens.get(end).end(), array.append(']').toString());
      return;
    }
    edits.replace(operand.start(), operand.start(), "CAST(");
    edits.replace(tokens.get(cast).start(), tokens.get(cast).end(), " AS ");
    edits.replace(tokens.get(end - 1).start(), tokens.get(end).end(), " ARRAY)");
  }

  /** The element types of an array literal whose elements stay string literals. */
  private static final Set<String> TEXT_TYPES = Set.of("TEXT", "VARCHAR", "CHARACTER VARYING",
      "NAME", "PG_CATALOG . TEXT");

  /** Parenthesizes each {@code operand::type} so that the cast binds as in PostgreSQL. */
  private static void infixCasts(List<Token> tokens, TextEdits edits) {
    java.util.Map<Integer, Integer> castStarts = new java.util.HashMap<>();
    for (int k = 1; k < tokens.size() - 1; k++) {
      if (!tokens.get(k).isSymbol("::") || tokens.get(k + 1).isWord("INTERVAL")) {
        continue;
      }
      int start = castStarts.getOrDefault(k - 1, primaryStart(tokens, k - 1));
      int end = typeEnd(tokens, k + 1);
      if (start < 0 || end < 0) {
        continue;
      }
      if (tokens.get(end).isSymbol("]")) {
        arrayCast(tokens, start, k, end, edits);
        castStarts.put(end, start);
        k = end;
        continue;
      }
      edits.replace(tokens.get(start).start(), tokens.get(start).start(), "(");
      edits.replace(tokens.get(end).end(), tokens.get(end).end(), ")");
      castStarts.put(end, start);
      k = end;
    }
  }

  /** The first token of the operand that ends at token {@code j}, or -1. */
  private static int primaryStart(List<Token> tokens, int j) {
    Token last = tokens.get(j);
    int start;
    if (last.isSymbol(")") || last.isSymbol("]")) {
      start = matchingOpen(tokens, j);
      if (start < 0) {
        return -1;
      }
      Token before = start > 0 ? tokens.get(start - 1) : null;
      if (before != null && (before.kind() == SqlTokens.Kind.QUOTED_IDENTIFIER
          || (before.kind() == SqlTokens.Kind.WORD && !KEYWORDS.contains(before.upper())))) {
        start--; // a function's name, or ARRAY
      }
    } else if (last.isWord("END")) {
      start = matchingCase(tokens, j);
    } else if (last.kind() != SqlTokens.Kind.SYMBOL || last.isSymbol("?")) {
      start = j;
      if (last.kind() == SqlTokens.Kind.NUMBER && j > 0 && tokens.get(j - 1).isSymbol("$")) {
        start--; // a $1 parameter
      }
    } else {
      return -1;
    }
    while (start >= 2 && tokens.get(start - 1).isSymbol(".")
        && tokens.get(start - 2).kind() != SqlTokens.Kind.SYMBOL) {
      start -= 2; // schema.table.column, schema.function(...)
    }
    return start;
  }

  private static int matchingOpen(List<Token> tokens, int close) {
    String closing = tokens.get(close).text();
    String opening = closing.equals(")") ? "(" : "[";
    int depth = 0;
    for (int i = close; i >= 0; i--) {
      if (tokens.get(i).isSymbol(closing)) {
        depth++;
      } else if (tokens.get(i).isSymbol(opening) && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int matchingCase(List<Token> tokens, int end) {
    int depth = 0;
    for (int i = end; i >= 0; i--) {
      if (tokens.get(i).isWord("END")) {
        depth++;
      } else if (tokens.get(i).isWord("CASE") && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The last token of the type name that starts at token {@code i}, or -1. */
  private static int typeEnd(List<Token> tokens, int i) {
    if (tokens.get(i).kind() != SqlTokens.Kind.WORD
        && tokens.get(i).kind() != SqlTokens.Kind.QUOTED_IDENTIFIER) {
      return -1;
    }
    int end = i;
    while (end + 2 < tokens.size() && tokens.get(end + 1).isSymbol(".")
        && tokens.get(end + 2).kind() == SqlTokens.Kind.WORD) {
      end += 2; // pg_catalog.int4
    }
    while (end + 1 < tokens.size()) {
      Token next = tokens.get(end + 1);
      if (next.kind() == SqlTokens.Kind.WORD && TYPE_WORDS.contains(next.upper())) {
        end++;
      } else if (next.isSymbol("(")) {
        int depth = 0;
        int j = end + 1;
        for (; j < tokens.size(); j++) {
          if (tokens.get(j).isSymbol("(")) {
            depth++;
          } else if (tokens.get(j).isSymbol(")") && --depth == 0) {
            break;
          }
        }
        if (j == tokens.size()) {
          return end;
        }
        end = j;
      } else if (next.isSymbol("[") && end + 2 < tokens.size()
          && tokens.get(end + 2).isSymbol("]")) {
        end += 2;
      } else {
        break;
      }
    }
    return end;
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
