package io.jointure.sql.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text of several statements at the semicolons PostgreSQL's lexer would see: not inside
 * strings, quoted identifiers or comments. Statements holding nothing but comments are dropped.
 * The command line's scripts and the protocol's simple queries are split here.
 */
public final class SqlStatements {
  private SqlStatements() {
  }

  public static List<String> of(String text) {
    List<String> statements = new ArrayList<>();
    int start = 0;
    boolean hasToken = false;
    for (SqlTokens.Token token : SqlTokens.of(text)) {
      if (token.isSymbol(";")) {
        if (hasToken) {
          statements.add(text.substring(start, token.start()).strip());
        }
        start = token.end();
        hasToken = false;
      } else {
        if (!hasToken) {
          start = token.start();
        }
        hasToken = true;
      }
    }
    if (hasToken) {
      statements.add(text.substring(start).strip());
    }
    return statements;
  }
}
