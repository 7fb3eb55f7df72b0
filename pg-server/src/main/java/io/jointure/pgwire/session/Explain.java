package io.jointure.pgwire.session;

import io.jointure.sql.parser.SqlTokens;
import io.jointure.sql.parser.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * EXPLAIN as PostgreSQL clients send and read it: {@code EXPLAIN [ANALYZE] [VERBOSE] [(...)]
 * query} runs as Jointure's {@code EXPLAIN PLAN FOR query}, and the plan comes back one line per
 * row under {@code QUERY PLAN}.
 */
final class Explain {
  static final String COLUMN = "QUERY PLAN";

  private Explain() {
  }

  static String jdbcSql(String sql) {
    List<Token> tokens = SqlTokens.of(sql);
    int i = 1;
    if (i < tokens.size() && tokens.get(i).isWord("PLAN")) {
      return sql;
    }
    while (i < tokens.size() && (tokens.get(i).isWord("ANALYZE") || tokens.get(i).isWord("VERBOSE"))) {
      i++;
    }
    if (i < tokens.size() && tokens.get(i).isSymbol("(")) {
      int depth = 0;
      for (; i < tokens.size(); i++) {
        depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
        if (depth == 0) {
          i++;
          break;
        }
      }
    }
    return i < tokens.size() ? "EXPLAIN PLAN FOR " + sql.substring(tokens.get(i).start())
        : sql;
  }

  static List<String> lines(String plan) {
    List<String> lines = new ArrayList<>();
    for (String line : (plan == null ? "" : plan.stripTrailing()).split("\r?\n")) {
      lines.add(line);
    }
    return lines;
  }
}
