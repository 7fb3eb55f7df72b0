package io.jointure.jdbc;

import io.jointure.sql.errors.ErrorTranslator;
import io.jointure.sql.errors.JointureException;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaSqlException;

/**
 * The one place where failures become the {@link SQLException}s JDBC clients get: PostgreSQL's
 * SQLSTATE and the message the user should read ({@link ErrorTranslator}), the original failure
 * kept as the cause for logs. JDBC's own exceptions that Jointure did not cause (a closed
 * statement, an unsupported method) pass as they are, subclass included.
 */
final class SqlErrors {
  /** How Avatica's client introduces a server's message, after the statement's text. */
  private static final String REMOTE_MARKER = "Remote driver error: ";

  private SqlErrors() {
  }

  static SQLException of(Throwable thrown) {
    if (thrown instanceof AvaticaSqlException remote) {
      // A Jointure server's answer: its own message and state, without Avatica's framing.
      String message = remote.getErrorMessage();
      int marker = message.indexOf(REMOTE_MARKER);
      return new SQLException(marker < 0 ? message
          : message.substring(marker + REMOTE_MARKER.length()), remote.getSQLState(),
          remote.getErrorCode(), remote);
    }
    JointureException known =
        ErrorTranslator.translateKnown(thrown, null, ErrorTranslator.Names.NONE);
    if (known == null && thrown instanceof SQLException jdbc) {
      return jdbc;
    }
    JointureException translated = known != null ? known : ErrorTranslator.internal(thrown);
    return new SQLException(translated.getMessage(), translated.sqlState(), thrown);
  }
}
