package io.jointure.pgwire.session;

import io.jointure.sql.parser.SqlTokens;
import io.jointure.sql.parser.SqlTokens.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a statement is to the session, told from its first words: a query for Jointure, or one
 * of the commands PostgreSQL clients send about the session itself (transactions, settings,
 * prepared statements), which the session answers without the engine, or a write, which a
 * read-only server refuses.
 *
 * @param kind     what to do
 * @param words    the statement's tokens, for the commands that read their arguments
 * @param text     the statement's text
 */
record SessionCommand(Kind kind, List<Token> words, String text) {
  enum Kind {
    EMPTY, QUERY, EXPLAIN, BEGIN, COMMIT, ROLLBACK, SET, SHOW, RESET, DISCARD_ALL, DEALLOCATE,
    WRITE, IGNORED
  }

  /** Statements that change data or schema: refused with 25006, as a read-only transaction. */
  private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE",
      "CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT", "REVOKE", "COPY", "COMMENT", "VACUUM",
      "ANALYZE", "CLUSTER", "REINDEX", "REFRESH", "LOCK", "CALL", "DO", "IMPORT", "SECURITY");
  /** Commands that change nothing a query here can see: answered with their tag. */
  private static final Set<String> IGNORED = Set.of("LISTEN", "UNLISTEN", "NOTIFY", "CHECKPOINT",
      "LOAD", "SAVEPOINT", "RELEASE", "PREPARE");

  static SessionCommand of(String sql) {
    List<Token> tokens = SqlTokens.of(sql);
    if (tokens.isEmpty()) {
      return new SessionCommand(Kind.EMPTY, tokens, sql);
    }
    String first = tokens.get(0).upper();
    String second = tokens.size() > 1 ? tokens.get(1).upper() : "";
    Kind kind = switch (first) {
      case "BEGIN", "START" -> Kind.BEGIN;
      case "COMMIT", "END" -> Kind.COMMIT;
      case "ROLLBACK", "ABORT" -> second.equals("TO") ? Kind.IGNORED : Kind.ROLLBACK;
      case "SET" -> Kind.SET;
      case "SHOW" -> Kind.SHOW;
      case "RESET" -> Kind.RESET;
      case "DISCARD" -> Kind.DISCARD_ALL;
      case "DEALLOCATE" -> Kind.DEALLOCATE;
      case "EXPLAIN" -> Kind.EXPLAIN;
      default -> WRITES.contains(first) ? Kind.WRITE
          : IGNORED.contains(first) ? Kind.IGNORED : Kind.QUERY;
    };
    return new SessionCommand(kind, tokens, sql);
  }

  /** The first word, upper case: a write's name in the 25006 message, a command's tag. */
  String verb() {
    return words.get(0).upper();
  }

  /** Word {@code i} in lower case (a setting's name), or "" past the end. */
  String word(int i) {
    return i < words.size() ? words.get(i).text().toLowerCase(Locale.ROOT) : "";
  }
}
