package io.jointure.pgwire.catalog;

import io.jointure.pgwire.session.SessionSettings;
import io.jointure.sql.parser.SqlTokens;
import io.jointure.sql.parser.SqlTokens.Token;
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
 * user, {@code current_setting('name')} the setting's value, string literals. Only names become numbers, which this class computes, and the user's
 * name a literal, quotes doubled: no text of the client's becomes executable.
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
      "regnamespace", "jointure_regnamespace_name");

  /** The words that name the session's user. */
  private static final Set<String> SESSION_USER = Set.of("CURRENT_USER", "SESSION_USER", "USER",
      "CURRENT_ROLE");

  private CatalogSyntax() {
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
            if (type.startsWith("regproc")) {
              // A function reads as its name (pg_type.typinput holds names here).
              out.append(sql, copied, before.start()).append('\'')
                  .append(before.text(), name.startsWith("pg_catalog.") ? 12 : 1,
                      before.text().length());
              copied = tokens.get(typeAt).end();
              i = typeAt;
              continue;
            }
            Integer oid = name.matches("[0-9]{1,9}") ? Integer.valueOf(name)
                : oidOf.apply(type, name);
            if (oid == null) {
              throw new CatalogSyntaxException(type.equals("regclass") ? "42P01" : "42704",
                  (type.equals("regclass") ? "relation" : "type") + " \"" + name
                  + "\" does not exist");
            }
            out.append(sql, copied, before.start()).append(oid);
          } else {
            int column = columnStart(tokens, i - 1);
            String nameOf = NAME_FUNCTIONS.get(type);
            if (nameOf != null && column >= 0 && tokens.get(column).start() >= copied
                && clauses.selectListOf(i) != null) {
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
        // column::pg_catalog.int2[]: the catalog's arrays are typed already
        if (typeAt + 2 < tokens.size() && tokens.get(typeAt).kind() == SqlTokens.Kind.WORD
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
          && !(i > 0 && tokens.get(i - 1).isSymbol("."))
          && !(i + 1 < tokens.size() && (tokens.get(i + 1).isSymbol("(")
              || tokens.get(i + 1).isSymbol(".")))) {
        out.append(sql, copied, t.start()).append('\'').append(user.replace("'", "''"))
            .append('\'');
        copied = t.end();
        continue;
      }
      // current_setting('name'[, missing_ok]): the session's value, a literal
      if (t.isWord("current_setting") && i + 3 < tokens.size()
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
              ? "CAST(NULL AS VARCHAR)" : "'" + value.replace("'", "''") + "'");
          copied = tokens.get(close).end();
          i = close;
          continue;
        }
      }
      // OPERATOR(pg_catalog.~) -> ~
      if (t.isWord("OPERATOR") && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")) {
        int close = i + 2;
        StringBuilder op = new StringBuilder();
        while (close < tokens.size() && !tokens.get(close).isSymbol(")")) {
          Token part = tokens.get(close);
          if (!part.isWord("pg_catalog") && !part.isSymbol(".")) {
            op.append(part.text());
          }
          close++;
        }
        if (close < tokens.size()) {
          out.append(sql, copied, t.start()).append(' ').append(op).append(' ');
          copied = tokens.get(close).end();
          i = close;
          continue;
        }
      }
      // COLLATE pg_catalog.default: catalog queries' collations (a user's COLLATE "C" stays)
      if (t.isWord("COLLATE") && i + 3 < tokens.size() && tokens.get(i + 1).isWord("pg_catalog")
          && tokens.get(i + 2).isSymbol(".")) {
        out.append(sql, copied, t.start());
        copied = tokens.get(i + 3).end();
        i += 3;
      }
    }
    out.append(sql, copied, sql.length());
    return out.toString();
  }

}
