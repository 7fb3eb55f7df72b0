package io.jointure.pgwire.catalog;

import io.jointure.sql.parser.SqlTokens;
import io.jointure.sql.parser.TextEdits;
import io.jointure.sql.parser.SqlTokens.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's set-returning functions as clients' catalog queries call them, made the
 * {@code UNNEST} Calcite plans. Here {@code generate_series(a, b)} is a function returning an
 * array and {@code information_schema._pg_expandarray(a)} is {@code a} itself, so (likewise for
 * {@code unnest}, whose single column PostgreSQL names after its alias):
 * <ul>
 *   <li>in FROM, {@code generate_series(1, 32) pos(n)} becomes
 *       {@code UNNEST(generate_series(1, 32)) pos(n)}, and {@code _pg_expandarray(k) e} becomes
 *       {@code UNNEST(k) WITH ORDINALITY e(x, n)};</li>
 *   <li>in a select list (PostgreSQL then returns one row per element), the call becomes a
 *       reference to a {@code CROSS JOIN UNNEST(...) WITH ORDINALITY} added to that SELECT's FROM:
 *       {@code (_pg_expandarray(k)).n} the ordinal, {@code _pg_expandarray(k)} a row
 *       {@code (x, n)}. A SELECT's calls share one UNNEST of all their arrays, which zips them
 *       as PostgreSQL runs them in step (the shorter padded with NULLs).</li>
 * </ul>
 * Any other function in FROM is PostgreSQL's one row of its value:
 * {@code string_to_array(x, ',') s} becomes {@code (VALUES (string_to_array(x, ','))) s(s)}.
 * The rewrite moves the client's own text around; it adds only names and keywords.
 */
final class SetReturningFunctions {
  private static final Set<String> FUNCTIONS = Set.of("generate_series", "generate_subscripts",
      "pg_partition_ancestors", "unnest", "_pg_expandarray");
  /** Words before a parenthesis in FROM that are not functions of one value. */
  private static final Set<String> NOT_FUNCTIONS = Set.of("UNNEST", "TABLE", "LATERAL",
      "VALUES", "SELECT", "ROWS", "ONLY");
  /** The functions here that return the set as an array. */
  private static final Set<String> ARRAY_FUNCTIONS = Set.of("generate_series",
      "generate_subscripts", "pg_partition_ancestors");
  /** Words after a FROM item that are not its alias. */
  private static final Set<String> NOT_ALIASES = Set.of("WHERE", "GROUP", "HAVING", "ORDER",
      "LIMIT", "OFFSET", "FETCH", "WINDOW", "UNION", "INTERSECT", "EXCEPT", "FOR", "JOIN",
      "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "ON", "USING", "WITH");

  private SetReturningFunctions() {
  }

  /** Whether the text may call one (a cheap test before tokenizing). */
  static boolean mayCall(String sql) {
    String lower = sql.toLowerCase(Locale.ROOT);
    return lower.contains("generate_") || lower.contains("_pg_expandarray")
        || lower.contains("unnest") || lower.contains("pg_partition_ancestors")
        || lower.contains("pg_get_keywords") || lower.contains("string_to_array");
  }

  static String unnested(String sql) {
    List<Token> tokens = SqlTokens.of(sql);
    int n = tokens.size();
    SelectClauses clauses = SelectClauses.of(tokens);
    int[] closers = SqlTokens.closers(tokens);
    // The calls, outermost first.
    TextEdits edits = new TextEdits(sql);
    int counter = 0;
    int skipUntil = -1;
    List<Reference> uses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Token t = tokens.get(i);
      String function = t.text().toLowerCase(Locale.ROOT);
      if (i < skipUntil || t.kind() != SqlTokens.Kind.WORD || i + 1 >= n
          || !tokens.get(i + 1).isSymbol("(")) {
        continue;
      }
      boolean qualified = i >= 2 && tokens.get(i - 1).isSymbol(".");
      if (qualified && !tokens.get(i - 2).isWord("pg_catalog")
          && !tokens.get(i - 2).isWord("information_schema")) {
        continue; // a function of another schema
      }
      int start = qualified ? i - 2 : i;
      int close = closers[i + 1];
      if (close < 0) {
        return sql;
      }
      if (function.equals("pg_get_keywords") && isFromItem(tokens, start, clauses)) {
        edits.replace(tokens.get(start).start(), tokens.get(close).end(),
            "pg_catalog." + PgCatalogSchema.KEYWORDS);
        skipUntil = close;
        continue;
      }
      if (!FUNCTIONS.contains(function)) {
        if (isFromItem(tokens, start, clauses) && !NOT_FUNCTIONS.contains(t.upper())) {
          // A function of one value in FROM (string_to_array(...) s): one row, one column.
          edits.replace(tokens.get(start).start(), tokens.get(start).start(), "(VALUES (");
          edits.replace(tokens.get(close).end(), tokens.get(close).end(), "))");
          fromAlias(tokens, close + 1, function).applyTo(edits);
          skipUntil = close;
        }
        continue;
      }
      String arguments = sql.substring(tokens.get(i + 1).end(), tokens.get(close).start());
      // One column x, or x and its ordinal n for _pg_expandarray.
      boolean series = !function.equals("_pg_expandarray");
      String unnest = ARRAY_FUNCTIONS.contains(function)
          ? "UNNEST(pg_catalog." + function + "(" + arguments + "))"
          : series ? "UNNEST(" + arguments + ")" : "UNNEST(" + arguments + ") WITH ORDINALITY";
      Token before = start > 0 ? tokens.get(start - 1) : null;
      if (isFromItem(tokens, start, clauses) && function.equals("unnest") && !qualified) {
        skipUntil = close; // a user's UNNEST in FROM is Calcite's own
        continue;
      }
      if (isFromItem(tokens, start, clauses)) {
        boolean ordinality = close + 1 < n && tokens.get(close + 1).isWord("WITH");
        List<String> bounds = arguments(sql, tokens, i + 1, close);
        FromAlias alias = fromAlias(tokens, close + 1, function);
        if (function.equals("generate_series") && bounds.size() == 2 && !ordinality
            && !(isInteger(bounds.get(0)) && isInteger(bounds.get(1)))
            && (before.isWord("FROM") || before.isSymbol(",")) && clauses.selectOf(start) != null) {
          // Bounds computed from other FROM items (psql's publication query): Calcite cannot
          // decorrelate an UNNEST of them, so the series is a table of positions filtered by
          // them in WHERE, where the correlation is plain.
          edits.replace(tokens.get(start).start(), tokens.get(close).end(),
              "pg_catalog." + PgCatalogSchema.POSITIONS);
          alias.applyTo(edits);
          String low = "(" + bounds.get(0) + ")";
          String high = "(" + bounds.get(1) + ")";
          clauses.selectOf(start).conditions.add("pg_catalog.jointure_positions_between(" + low + ", "
              + high + ") AND " + alias.column() + " BETWEEN " + low + " AND " + high);
        } else {
          edits.replace(tokens.get(start).start(), tokens.get(close).end(), unnest);
          if (!ordinality && !(function.equals("unnest") && bounds.size() > 1)) {
            alias.applyTo(edits);
          }
        }
        skipUntil = close;
        continue;
      }
      SelectClauses.Select select = clauses.selectListOf(start);
      if (select == null) {
        continue; // not where PostgreSQL allows it either: Calcite's error tells
      }
      if (function.equals("unnest") && arguments(sql, tokens, i + 1, close).size() > 1) {
        continue;
      }
      // The select's set-returning calls run in step over the elements of all their arrays.
      // generate_subscripts(a, 1) counts a's own elements there: Calcite cannot decorrelate an
      // UNNEST of a function of another FROM item's column.
      List<String> subscripted = function.equals("generate_subscripts")
          ? arguments(sql, tokens, i + 1, close) : null;
      if (subscripted != null && !(subscripted.size() == 2 && subscripted.get(1).equals("1"))) {
        continue;
      }
      String array = subscripted != null ? subscripted.get(0)
          : ARRAY_FUNCTIONS.contains(function)
          ? "pg_catalog." + function + "(" + arguments.strip() + ")" : arguments.strip();
      if (select.alias == null) {
        select.alias = "jointure_srf" + ++counter;
      }
      if (!select.arrays.contains(array)) {
        select.arrays.add(array);
      }
      boolean field = start >= 1 && tokens.get(start - 1).isSymbol("(") && close + 3 < n
          && tokens.get(close + 1).isSymbol(")") && tokens.get(close + 2).isSymbol(".")
          && tokens.get(close + 3).kind() == SqlTokens.Kind.WORD;
      Use use = subscripted != null ? Use.SUBSCRIPT
          : field ? (tokens.get(close + 3).isWord("n") ? Use.ORDINAL : Use.ELEMENT)
          : series ? Use.ELEMENT : Use.ROW;
      uses.add(new Reference(select, field ? tokens.get(start - 1).start()
          : tokens.get(start).start(), tokens.get(field ? close + 3 : close).end(), array, use));
      skipUntil = field ? close + 3 : close;
    }
    for (Reference use : uses) {
      edits.replace(use.start(), use.end(), use.text());
    }
    if (edits.isEmpty()) {
      return sql;
    }
    for (SelectClauses.Select s : clauses.selects()) {
      int at = s.end < n ? tokens.get(s.end).start() : tokens.get(n - 1).end();
      if (s.arrays.size() == 1) {
        edits.replace(at, at, (s.from < 0 ? " FROM " : " CROSS JOIN ") + "UNNEST("
            + s.arrays.get(0) + ") WITH ORDINALITY AS " + s.alias + "(x1, n) ");
      } else if (s.arrays.size() > 1) {
        // Calcite's UNNEST of several arrays crosses them: zipped, they are indexed by position
        String longest = "GREATEST(" + String.join(", ", s.arrays.stream()
            .map(a -> "COALESCE(CARDINALITY(" + a + "), 0)").toList()) + ")";
        edits.replace(at, at, (s.from < 0 ? " FROM " : " CROSS JOIN ") + "pg_catalog."
            + PgCatalogSchema.POSITIONS + " AS " + s.alias + "(n) ");
        s.conditions.add("pg_catalog.jointure_positions_between(1, " + longest + ") AND "
            + s.alias + ".n BETWEEN 1 AND " + longest);
      }
      if (!s.conditions.isEmpty()) {
        String conditions = String.join(" AND ", s.conditions);
        if (s.where < 0) {
          edits.replace(at, at, " WHERE " + conditions + " ");
        } else {
          int whereAt = tokens.get(s.where).end();
          int whereEnd = s.whereEnd < n ? tokens.get(s.whereEnd).start()
              : tokens.get(n - 1).end();
          edits.replace(whereAt, whereAt, " " + conditions + " AND (");
          edits.replace(whereEnd, whereEnd, ") ");
        }
      }
    }
    return edits.apply();
  }

  /** How a set-returning call in a select list is read. */
  private enum Use { ELEMENT, ORDINAL, ROW, SUBSCRIPT }

  /** A set-returning call in a select list, [start, end) of the text, read as {@code use}. */
  private record Reference(SelectClauses.Select select, int start, int end, String array,
      Use use) {
    /** Its text once the select's arrays are all known: one is unnested, several indexed. */
    String text() {
      String ordinal = select.alias + ".n";
      String element = select.arrays.size() == 1
          ? select.alias + ".x1" : "(" + array + ")[" + ordinal + "]";
      return switch (use) {
        case ELEMENT -> element;
        case ORDINAL -> ordinal;
        case ROW -> "CAST(ROW(" + element + ", " + ordinal + ") AS ROW(x INTEGER, n INTEGER))";
        // int2vector subscripts (pg_index.indkey) start at 0, others at 1
        case SUBSCRIPT -> "CASE WHEN " + ordinal + " <= CARDINALITY(" + array + ") THEN "
            + ordinal + (PgCatalogSchema.isVector(array) ? " - 1" : "") + " END";
      };
    }
  }

  /** Whether the token at {@code start} begins an item of a FROM clause. */
  private static boolean isFromItem(List<Token> tokens, int start, SelectClauses clauses) {
    Token before = start > 0 ? tokens.get(start - 1) : null;
    return before != null && (before.isWord("FROM") && clauses.inFrom(start)
        || before.isWord("JOIN") || before.isWord("LATERAL")
        || before.isSymbol(",") && clauses.inFrom(start));
  }

  /**
   * A FROM item's alias: the text naming its columns (inserted at {@code at}), and how to name
   * its (first) column.
   */
  private record FromAlias(int at, String columns, String column) {
    void applyTo(TextEdits edits) {
      if (!columns.isEmpty()) {
        edits.replace(at, at, columns);
      }
    }
  }

  /**
   * The alias of the FROM item ending before token {@code after}, with the column names it
   * needs: PostgreSQL names a one-column function's column after the alias (or the function),
   * _pg_expandarray's x and n.
   */
  private static FromAlias fromAlias(List<Token> tokens, int after, String function) {
    boolean oneColumn = !function.equals("_pg_expandarray");
    int i = after;
    if (i < tokens.size() && tokens.get(i).isWord("AS")) {
      i++;
    }
    Token alias = i < tokens.size() ? tokens.get(i) : null;
    boolean aliased = alias != null && (alias.kind() == SqlTokens.Kind.QUOTED_IDENTIFIER
        || alias.kind() == SqlTokens.Kind.WORD && !NOT_ALIASES.contains(alias.upper()));
    int at = tokens.get(after - 1).end();
    if (!aliased) {
      return new FromAlias(at, " AS " + function + (oneColumn ? "(" + function + ")" : "(x, n)"),
          function + "." + (oneColumn ? function : "x"));
    }
    if (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol("(")) {
      // the client names the columns
      return new FromAlias(at, "", alias.text() + "." + tokens.get(i + 2).text());
    }
    return new FromAlias(alias.end(), oneColumn ? "(" + alias.text() + ")" : "(x, n)",
        alias.text() + "." + (oneColumn ? alias.text() : "x"));
  }

  /** The texts of the top-level arguments between the parentheses at open and close. */
  private static List<String> arguments(String sql, List<Token> tokens, int open, int close) {
    List<String> arguments = new ArrayList<>();
    int depth = 0;
    int from = tokens.get(open).end();
    for (int i = open + 1; i < close; i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("(") || t.isSymbol("[")) {
        depth++;
      } else if (t.isSymbol(")") || t.isSymbol("]")) {
        depth--;
      } else if (depth == 0 && t.isSymbol(",")) {
        arguments.add(sql.substring(from, t.start()).strip());
        from = t.end();
      }
    }
    String last = sql.substring(from, tokens.get(close).start()).strip();
    if (!last.isEmpty() || !arguments.isEmpty()) {
      arguments.add(last);
    }
    return arguments;
  }

  private static boolean isInteger(String text) {
    return text.matches("-?[0-9]+");
  }
}
