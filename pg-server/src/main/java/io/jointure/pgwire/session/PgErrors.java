package io.jointure.pgwire.session;

import io.jointure.pgwire.protocol.PgError;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure as an ErrorResponse: Jointure's SQLSTATE and message as they are (they already name
 * the place and the fix), and the statement's character where a "line L, column C" points.
 */
final class PgErrors {
  private static final Pattern LINE_COLUMN = Pattern.compile("line (\\d+), column (\\d+)");
  static final String INTERNAL_ERROR = "XX000";

  private PgErrors() {
  }

  static PgError of(Throwable failure, String sql) {
    String sqlState = failure instanceof SQLException e && e.getSQLState() != null
        ? e.getSQLState() : failure instanceof SessionException e ? e.sqlState : INTERNAL_ERROR;
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    return new PgError(PgError.Severity.ERROR, sqlState, message, null, null,
        position(message, sql));
  }

  /** The 1-based character offset of "line L, column C" in {@code sql}, or 0. */
  static int position(String message, String sql) {
    Matcher m = LINE_COLUMN.matcher(message);
    if (sql == null || !m.find()) {
      return 0;
    }
    int line = Integer.parseInt(m.group(1));
    int column = Integer.parseInt(m.group(2));
    int offset = 0;
    for (int i = 1; i < line; i++) {
      int newline = sql.indexOf('\n', offset);
      if (newline < 0) {
        return 0;
      }
      offset = newline + 1;
    }
    int position = offset + column;
    return position <= sql.length() + 1 ? position : 0;
  }
}
