package io.jointure.adapter.sql;

import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.SourceFailure;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/**
 * A failure of one SQL source: the message names the datasource (and, when it cannot be reached,
 * its URL without credentials), and the SQLSTATE is the database's own (PostgreSQL's
 * {@code 22012} stays {@code 22012}), or {@code 08001} when Jointure cannot connect.
 */
public final class SourceException extends SourceFailure {
  /** A statement the source refused or failed. */
  public SourceException(SqlSource source, String what, Throwable cause) {
    super(code(cause), state(cause), source.name(), "datasource '" + source.name() + "': "
        + (what.isEmpty() ? "" : what + ": ") + reason(cause), cause);
  }

  private SourceException(ErrorCode code, SqlSource source, String message, Throwable cause) {
    super(code, null, source.name(), message, cause);
  }

  /** The source cannot be reached (down, wrong address, refused credentials). */
  static SourceException unreachable(SqlSource source, SQLException cause) {
    String state = state(cause);
    ErrorCode code = state != null && state.startsWith("28") ? ErrorCode.INVALID_PASSWORD
        : ErrorCode.UNABLE_TO_CONNECT;
    return new SourceException(code, source, "datasource '" + source.name() + "' ("
        + source.safeUrl() + "): cannot connect: " + reason(cause) + "; check that the database"
        + " is running and that url, user and password of datasources." + source.name()
        + " in the model are right", cause);
  }

  /** The SQLSTATE the database reported, if it did. */
  private static String state(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && !sql.getSQLState().isBlank()) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  private static ErrorCode code(Throwable cause) {
    String state = state(cause);
    if (state == null) {
      for (Throwable t = cause; t != null; t = t.getCause()) {
        if (t instanceof ConnectException) {
          return ErrorCode.UNABLE_TO_CONNECT;
        }
        if (t instanceof SQLTimeoutException) {
          return ErrorCode.QUERY_CANCELED;
        }
      }
      return ErrorCode.INTERNAL_ERROR;
    }
    ErrorCode code = ErrorCode.of(state);
    if (code != null) {
      return code;
    }
    return switch (state.substring(0, 2)) {
      case "08" -> ErrorCode.CONNECTION_FAILURE;
      case "22" -> ErrorCode.DATA_EXCEPTION;
      case "28" -> ErrorCode.INVALID_AUTHORIZATION;
      case "42" -> ErrorCode.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION;
      case "57" -> ErrorCode.QUERY_CANCELED;
      default -> ErrorCode.INTERNAL_ERROR;
    };
  }

  /** The database's own words: its message's first line, without PostgreSQL's "ERROR: ". */
  private static String reason(Throwable t) {
    String message = t.getMessage();
    if (message == null) {
      return t.getClass().getSimpleName();
    }
    int end = message.indexOf('\n');
    String line = (end < 0 ? message : message.substring(0, end)).trim();
    return line.startsWith("ERROR: ") ? line.substring("ERROR: ".length()) : line;
  }
}
