package io.jointure.pgwire.protocol;

/**
 * An error or notice as the protocol reports it. {@code position} is the 1-based character in
 * the statement where the error is, 0 when unknown; {@code detail} and {@code hint} may be null.
 */
public record PgError(Severity severity, String sqlState, String message, String detail,
    String hint, int position) {
  public enum Severity { ERROR, FATAL, WARNING, NOTICE }

  public static PgError error(String sqlState, String message) {
    return new PgError(Severity.ERROR, sqlState, message, null, null, 0);
  }

  public static PgError fatal(String sqlState, String message) {
    return new PgError(Severity.FATAL, sqlState, message, null, null, 0);
  }
}
