package io.jointure.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Writes a query's result for a person or a program to read. */
interface ResultWriter {
  /** Writes every row of {@code rows}; answers how many there were. */
  long write(ResultSet rows, PrintWriter out) throws SQLException;
}
