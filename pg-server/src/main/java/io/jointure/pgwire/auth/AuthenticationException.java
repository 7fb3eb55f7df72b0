package io.jointure.pgwire.auth;

/** A login refused: SQLSTATE 28P01 (wrong password) or 28000 (not allowed here). */
public final class AuthenticationException extends RuntimeException {
  public AuthenticationException(String message) {
    super(message);
  }
}
