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

  /** Exit code of a statement that failed because a source could not be reached (08xxx). */
  static final int SOURCE_UNREACHABLE = 2;

  /**
   * Answers the exit code: 0 when every statement succeeded, {@link #SOURCE_UNREACHABLE} when
   * one failed because a source could not be reached, 1 for any other failure.
   */
  int run(List<String> statements) {
    writer.startScript(statements.size(), out);
    try {
      return runEach(statements);
    } finally {
      writer.endScript(statements.size(), out);
      out.flush();
    }
  }

  private int runEach(List<String> statements) {
    int written = 0;
    for (int i = 0; i < statements.size(); i++) {
      String sql = statements.get(i);
      try (Statement statement = connection.createStatement()) {
        if (statement.execute(sql)) {
          try (ResultSet rows = statement.getResultSet()) {
            if (written++ > 0) {
              writer.betweenStatements(out);
            }
            writer.write(PlanLines.isExplain(sql) ? PlanLines.of(rows) : rows, out);
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
        return e.getSQLState() != null && e.getSQLState().startsWith("08") ? SOURCE_UNREACHABLE
            : 1;
      }
    }
    return 0;
  }
}
