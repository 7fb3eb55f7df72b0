package io.jointure.pgwire.session;

/** A statement the session refuses itself (a write, an unknown setting, a missing portal). */
final class SessionException extends RuntimeException {
  final String sqlState;

  SessionException(String sqlState, String message) {
    super(message);
    this.sqlState = sqlState;
  }
}
