package io.jointure.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs a script's statements one after the other, writing each result; stops at the first error. */
final class ScriptRunner {
  private final Connection connection;
  private final ResultWriter writer;
  private final PrintWriter out;
  private final PrintWriter err;

  ScriptRunner(Connection connection, ResultWriter writer, PrintWriter out, PrintWriter err) {
    this.connection = connection;
    this.writer = writer;
    this.out = out;
    this.err = err;
  }

  /** Answers whether every statement succeeded. */
  boolean run(List<String> statements) {
    writer.startScript(statements.size(), out);
    try {
      return runEach(statements);
    } finally {
      writer.endScript(statements.size(), out);
      out.flush();
    }
  }

  private boolean runEach(List<String> statements) {
    for (int i = 0; i < statements.size(); i++) {
      String sql = statements.get(i);
      if (i > 0) {
        writer.betweenStatements(out);
      }
      try (Statement statement = connection.createStatement()) {
        if (statement.execute(sql)) {
          try (ResultSet rows = statement.getResultSet()) {
            writer.write(rows, out);
          }
        } else {
          out.println(statement.getUpdateCount() + " rows affected");
        }
        out.flush();
      } catch (SQLException e) {
        out.flush();
        err.println((statements.size() > 1 ? "statement " + (i + 1) + ": " : "")
            + e.getMessage());
        err.flush();
        return false;
      }
    }
    return true;
  }
}
