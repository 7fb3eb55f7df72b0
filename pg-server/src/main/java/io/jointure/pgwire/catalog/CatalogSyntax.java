package io.jointure.pgwire.catalog;

import io.jointure.pgwire.session.SessionSettings;
import io.jointure.sql.parser.SqlTokens;
import io.jointure.sql.parser.SqlTokens.Token;
import io.jointure.sql.parser.TextEdits;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;


/**
 * The PostgreSQL catalog syntax clients put in their catalog queries, made plain SQL before
 * Jointure parses it: {@code 'pg_class'::regclass} (a name read as its object id) becomes the
 * id, a cast of a column to an object-id type ({@code ::oid}, {@code ::regclass}...) is dropped
 * (ids are integers here) but in a select list, where the id shows as its name (a function of
 * it), as is a column's cast to an array type ({@code ::int2[]}: the catalog's
 * arrays are typed already), {@code OPERATOR(pg_catalog.~)} becomes {@code ~}, and
 * {@code COLLATE pg_catalog.default} goes; {@code current_user} and its kin become the session's
 * user, {@code current_setting('name')} the setting's value, string literals with their quotes
 * doubled. Only names, numbers and literals this class computes are added; the client's text
 * is moved, and an {@code OPERATOR(...)} is taken only if it is operator characters.
 */
public final class CatalogSyntax {
  private static final Set<String> OID_TYPES = Set.of("oid", "regclass", "regtype", "regproc",
      "regprocedure", "regnamespace", "regrole", "regoper");
  /** PostgreSQL's own ids for its catalog tables, as clients compare classoid with them. */
  static final Map<String, Integer> SYSTEM_CLASSES = Map.ofEntries(Map.entry("pg_class", 1259),
      Map.entry("pg_type", 1247), Map.entry("pg_attribute", 1249), Map.entry("pg_proc", 1255),
      Map.entry("pg_namespace", 2615), Map.entry("pg_constraint", 2606),
      Map.entry("pg_index", 2610), Map.entry("pg_description", 2609),
      Map.entry("pg_database", 1262), Map.entry("pg_authid", 1260),
      Map.entry("pg_attrdef", 2604), Map.entry("pg_am", 2601), Map.entry("pg_enum", 3501),
      Map.entry("pg_extension", 3079), Map.entry("pg_inherits", 2611));

  /** The functions that show an object id as its name, by the id type a select item casts to. */
  private static final Map<String, String> NAME_FUNCTIONS = Map.of(
      "regclass", "jointure_regclass_name", "regtype", "jointure_regtype_name",
      "regnamespace", "jointure_regnamespace_name", "regproc", "jointure_regproc_name");

  /** The words that name the session's user. */
  private static final Set<String> SESSION_USER = Set.of("CURRENT_USER", "SESSION_USER", "USER",
      "CURRENT_ROLE");

  private CatalogSyntax() {
  }

  /**
   * {@code CAST(x AS regclass)} written as {@code x::regclass} (parenthesized unless one token),
   * for the rules below; other casts stay.
   */
  private static String infixCasts(String sql) {
    if (!sql.toUpperCase(Locale.ROOT).contains("CAST")) {
      return sql;
    }
    List<Token> tokens = SqlTokens.of(sql);
    TextEdits edits = new TextEdits(sql);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (!tokens.get(i).isWord("CAST") || !tokens.get(i + 1).isSymbol("(")) {
        continue;
      }
      int depth = 0;
      int as = -1;
      int close = -1;
      for (int j = i + 1; j < tokens.size() && close < 0; j++) {
        Token t = tokens.get(j);
        if (t.isSymbol("(")) {
          depth++;
        } else if (t.isSymbol(")") && --depth == 0) {
          close = j;
        } else if (depth == 1 && t.isWord("AS")) {
          as = j;
        }
      }
      if (as < 0 || close < 0) {
        continue;
      }
      int typeAt = tokens.get(as + 1).isWord("pg_catalog") && as + 3 < close ? as + 3 : as + 1;
      if (typeAt + 1 != close || !OID_TYPES.contains(tokens.get(typeAt).text()
          .toLowerCase(Locale.ROOT))) {
        continue;
      }
      // One value or a column: no parentheses, so the rules below see it as one
      boolean single = as == i + 3 || columnStart(tokens, as - 1) == i + 2;
      edits.replace(tokens.get(i).start(), tokens.get(i + 1).end(), single ? "" : "(");
      edits.replace(tokens.get(as - 1).end(), tokens.get(as + 1).start(), single ? "::" : ")::");
      edits.replace(tokens.get(close).start(), tokens.get(close).end(), "");
    }
    return edits.isEmpty() ? sql : edits.apply();
  }

  /**
   * {@code i.indkey[0]} as {@code i.indkey[(0) + 1]}: an int2vector's subscripts start at 0 in
   * PostgreSQL, a list's at 1 here.
   */
  private static String vectorSubscripts(String sql) {
    if (!sql.contains("[")) {
      return sql;
    }
    List<Token> tokens = SqlTokens.of(sql);
    int[] closers = SqlTokens.closers(tokens);
    TextEdits edits = new TextEdits(sql);
    for (int i = 1; i < tokens.size(); i++) {
      Token before = tokens.get(i - 1);
      if (tokens.get(i).isSymbol("[") && closers[i] > i + 1 && before.kind() == SqlTokens.Kind.WORD
          && PgCatalogSchema.VECTORS.contains(before.text().toLowerCase(Locale.ROOT))
          && !tokens.get(i + 1).isSymbol(":")) {
        edits.replace(tokens.get(i).end(), tokens.get(i).end(), "(");
        edits.replace(tokens.get(closers[i]).start(), tokens.get(closers[i]).start(), ") + 1");
      }
    }
    return edits.isEmpty() ? sql : edits.apply();
  }

  /** Whether a cast to text starts at token {@code i}: {@code ::text}, {@code ::pg_catalog.text}. */
  private static boolean castToText(List<Token> tokens, int i) {
    if (i + 1 >= tokens.size() || !tokens.get(i).isSymbol("::")) {
      return false;
    }
    int type = i + 3 < tokens.size() && tokens.get(i + 1).isWord("pg_catalog")
        && tokens.get(i + 2).isSymbol(".") ? i + 3 : i + 1;
    return tokens.get(type).isWord("text") || tokens.get(type).isWord("varchar")
        || tokens.get(type).isWord("name");
  }

  /** Whether the word at {@code i} is qualified by a schema other than pg_catalog. */
  private static boolean qualifiedByOther(List<Token> tokens, int i) {
    return i >= 2 && tokens.get(i - 1).isSymbol(".") && !tokens.get(i - 2).isWord("pg_catalog");
  }

  /** The first token of the column reference ({@code a}, {@code t.a}) ending at token end, or -1. */
  private static int columnStart(List<Token> tokens, int end) {
    if (end < 0 || tokens.get(end).kind() != SqlTokens.Kind.WORD
        && tokens.get(end).kind() != SqlTokens.Kind.QUOTED_IDENTIFIER) {
      return -1;
    }
    int start = end;
    while (start >= 2 && tokens.get(start - 1).isSymbol(".")
        && (tokens.get(start - 2).kind() == SqlTokens.Kind.WORD
            || tokens.get(start - 2).kind() == SqlTokens.Kind.QUOTED_IDENTIFIER)) {
      start -= 2;
    }
    return start;
  }

  /**
   * The text with catalog syntax made plain; {@code oidOf} answers a quoted name's id for a
   * type ("regclass", "regtype"...), or null when there is no such object.
   */
  public static String plain(String sql, java.util.function.BiFunction<String, String, Integer>
      oidOf, SessionSettings session) {
    String user = session.user();
    sql = vectorSubscripts(infixCasts(sql));
    List<Token> tokens = SqlTokens.of(sql);
    SelectClauses clauses = SelectClauses.of(tokens);
    StringBuilder out = new StringBuilder(sql.length());
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      // 'name'::regclass, 'name'::pg_catalog.regclass
      if (t.isSymbol("::")) {
        int typeAt = i + 1;
        if (typeAt + 2 < tokens.size() && tokens.get(typeAt).isWord("pg_catalog")
            && tokens.get(typeAt + 1).isSymbol(".")) {
          typeAt += 2;
        }
        String type = typeAt < tokens.size() ? tokens.get(typeAt).text().toLowerCase(Locale.ROOT)
            : "";
        if (OID_TYPES.contains(type) && tokens.get(typeAt).kind() == SqlTokens.Kind.WORD) {
          Token before = tokens.get(i - 1 >= 0 ? i - 1 : i);
          if (i > 0 && before.isPlainString() && !type.equals("oid")
              && before.start() >= copied) {
            String name = before.text().substring(1, before.text().length() - 1)
                .replace("''", "'");
            Integer oid = name.matches("[0-9]{1,9}") ? Integer.valueOf(name)
                : oidOf.apply(type, name);
            if (oid == null) {
              boolean function = type.startsWith("regproc");
              throw new CatalogSyntaxException(type.equals("regclass") ? "42P01"
                  : function ? "42883" : "42704", (type.equals("regclass") ? "relation"
                  : function ? "function" : "type") + " \"" + name + "\" does not exist");
            }
            out.append(sql, copied, before.start()).append(oid);
          } else {
            int column = columnStart(tokens, i - 1);
            String nameOf = NAME_FUNCTIONS.get(type);
            if (nameOf != null && column >= 0 && tokens.get(column).start() >= copied
                && (clauses.selectListOf(i) != null || castToText(tokens, typeAt + 1))) {
              // c.oid::regclass shown: the name, as PostgreSQL prints it
              out.append(sql, copied, tokens.get(column).start()).append("pg_catalog.")
                  .append(nameOf).append('(')
                  .append(sql, tokens.get(column).start(), tokens.get(i - 1).end()).append(')');
            } else {
              out.append(sql, copied, t.start());
            }
          }
          copied = tokens.get(typeAt).end();
          i = typeAt;
          continue;
        }
        // 'r'::"char": PostgreSQL's one-byte type is a CHAR here
        if (typeAt < tokens.size() && tokens.get(typeAt).text().equals("\"char\"")) {
          out.append(sql, copied, tokens.get(typeAt).start()).append("char");
          copied = tokens.get(typeAt).end();
          i = typeAt;
          continue;
        }
        // indkey::varchar: an int2vector's text, "1 3"
        int column = columnStart(tokens, i - 1);
        if (column >= 0 && PgCatalogSchema.VECTORS.contains(tokens.get(i - 1).text().toLowerCase(Locale.ROOT))
            && (type.equals("varchar") || type.equals("text")) && tokens.get(column).start()
            >= copied) {
          out.append(sql, copied, tokens.get(column).start())
              .append("pg_catalog.jointure_vector_text(")
              .append(sql, tokens.get(column).start(), tokens.get(i - 1).end()).append(')');
          copied = tokens.get(typeAt).end();
          i = typeAt;
          continue;
        }
        // column::pg_catalog.int2[]: the catalog's arrays are typed already (a user's x::int[]
        // is the SQL dialect's CAST(x AS int ARRAY))
        if (typeAt != i + 1 && typeAt + 2 < tokens.size()
            && tokens.get(typeAt).kind() == SqlTokens.Kind.WORD
            && tokens.get(typeAt + 1).isSymbol("[") && tokens.get(typeAt + 2).isSymbol("]")
            && i > 0 && (tokens.get(i - 1).kind() == SqlTokens.Kind.WORD
                || tokens.get(i - 1).kind() == SqlTokens.Kind.QUOTED_IDENTIFIER)) {
          out.append(sql, copied, t.start());
          copied = tokens.get(typeAt + 2).end();
          i = typeAt + 2;
          continue;
        }
        if (typeAt != i + 1) {
          // ::pg_catalog.text -> ::text
          out.append(sql, copied, t.end());
          copied = tokens.get(typeAt).start();
          i = typeAt - 1;
          continue;
        }
      }
      // current_user, session_user, user, current_role: the session's user (Calcite's is "sa")
      if (t.kind() == SqlTokens.Kind.WORD && SESSION_USER.contains(t.upper()) && user != null
          && !(i > 0 && (tokens.get(i - 1).isSymbol(".") || tokens.get(i - 1).isWord("AS")))
          && !(i + 1 < tokens.size() && (tokens.get(i + 1).isSymbol("(")
              || tokens.get(i + 1).isSymbol(".")))) {
        out.append(sql, copied, t.start()).append(" '").append(user.replace("'", "''"))
            .append("' ");
        copied = t.end();
        continue;
      }
      // pg_backend_pid(): the process id BackendKeyData gave the client
      if (t.isWord("pg_backend_pid") && i + 2 < tokens.size() && !qualifiedByOther(tokens, i)
          && tokens.get(i + 1).isSymbol("(")
          && tokens.get(i + 2).isSymbol(")")) {
        int from = i >= 2 && tokens.get(i - 1).isSymbol(".") ? i - 2 : i;
        out.append(sql, copied, tokens.get(from).start()).append(' ')
            .append(session.backendPid()).append(' ');
        copied = tokens.get(i + 2).end();
        i += 2;
        continue;
      }
      // current_setting('name'[, missing_ok]): the session's value, a literal
      if (t.isWord("current_setting") && i + 3 < tokens.size() && !qualifiedByOther(tokens, i)
          && tokens.get(i + 1).isSymbol("(") && tokens.get(i + 2).isPlainString()) {
        int close = i + 3;
        boolean missingOk = false;
        if (tokens.get(close).isSymbol(",") && close + 2 < tokens.size()) {
          missingOk = tokens.get(close + 1).isWord("true");
          close += 2;
        }
        if (tokens.get(close).isSymbol(")")) {
          String name = tokens.get(i + 2).text();
          name = name.substring(1, name.length() - 1).replace("''", "'");
          String value = session.get(name);
          if (value == null && !missingOk) {
            throw new CatalogSyntaxException("42704", "unrecognized configuration parameter"
                + " \"" + name + "\"");
          }
          int from = i >= 2 && tokens.get(i - 1).isSymbol(".")
              && tokens.get(i - 2).isWord("pg_catalog") ? i - 2 : i;
          out.append(sql, copied, tokens.get(from).start()).append(value == null
              ? " CAST(NULL AS VARCHAR) " : " '" + value.replace("'", "''") + "' ");
          copied = tokens.get(close).end();
          i = close;
          continue;
        }
      }
      // OPERATOR(pg_catalog.~) -> ~ : only an operator, of operator characters
      if (t.isWord("OPERATOR") && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")) {
        int at = i + 2;
        if (at + 1 < tokens.size() && tokens.get(at).isWord("pg_catalog")
            && tokens.get(at + 1).isSymbol(".")) {
          at += 2;
        }
        // the operator's characters, which the tokens may hold one by one (~ then *)
        StringBuilder op = new StringBuilder();
        int end = at;
        while (end < tokens.size() && tokens.get(end).kind() == SqlTokens.Kind.SYMBOL
            && !tokens.get(end).isSymbol(")") && (end == at
                || tokens.get(end).start() == tokens.get(end - 1).end())) {
          op.append(tokens.get(end).text());
          end++;
        }
        String operator = op.toString();
        if (end < tokens.size() && tokens.get(end).isSymbol(")")
            && operator.matches("[~!@#%^&|`?+*/<>=-]+") && !operator.contains("--")
            && !operator.contains("/*")) {
          out.append(sql, copied, t.start()).append(' ').append(operator).append(' ');
          copied = tokens.get(end).end();
          i = end;
          continue;
        }
      }
      // COLLATE pg_catalog.default: catalog queries' collations (a user's COLLATE "C" stays)
      if (t.isWord("COLLATE") && i + 3 < tokens.size() && tokens.get(i + 1).isWord("pg_catalog")
          && tokens.get(i + 2).isSymbol(".") && (tokens.get(i + 3).isWord("default")
              || tokens.get(i + 3).text().equals("\"default\""))) {
        out.append(sql, copied, t.start());
        copied = tokens.get(i + 3).end();
        i += 3;
      }
    }
    out.append(sql, copied, sql.length());
    return out.toString();
  }

}
