package io.jointure.pgwire.session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;

/**
 * A prepared statement with its values bound (Bind, or a simple query's statement): run by
 * Execute, possibly in pieces of a row limit, keeping its place in the result between them.
 */
final class Portal implements AutoCloseable {
  final PreparedQuery query;
  /** Values for each {@code ?} of the Jointure statement, in order. */
  final List<Object> values;
  /** 0 (text) or 1 (binary) for each result column. */
  final List<Short> formats;
  /** The result while it is read: from Jointure, or rows the session made (SHOW, EXPLAIN). */
  PreparedStatement statement;
  ResultSet rows;
  Iterator<List<String>> madeRows;
  long sent;
  boolean done;

  Portal(PreparedQuery query, List<Object> values, List<Short> formats) {
    this.query = query;
    this.values = values;
    this.formats = formats;
  }

  boolean started() {
    return rows != null || madeRows != null || done;
  }

  @Override
  public void close() throws SQLException {
    try {
      if (rows != null) {
        rows.close();
      }
    } finally {
      rows = null;
      if (statement != null) {
        PreparedStatement used = statement;
        statement = null;
        query.giveBack(used);
      }
    }
  }
}
