package io.jointure.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Writes a query's result for a person or a program to read. */
interface ResultWriter {
  /** Writes every row of {@code rows}; answers how many there were. */
  long write(ResultSet rows, PrintWriter out) throws SQLException;

  /** Before the first result of a script of {@code statements} statements. */
  default void startScript(int statements, PrintWriter out) {
  }

  /** Between two results of a script. */
  default void betweenStatements(PrintWriter out) {
  }

  /** After the last result, also when a statement failed (a JSON array a failing query left open stays open). */
  default void endScript(int statements, PrintWriter out) {
  }
}
