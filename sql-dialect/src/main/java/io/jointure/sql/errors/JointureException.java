package io.jointure.sql.errors;

/**
 * A failure with its PostgreSQL SQLSTATE and a message meant for the user: what is wrong, where,
 * and the fix. Thrown anywhere in Jointure; the drivers turn it into an {@code SQLException}
 * carrying the same state and message.
 */
public class JointureException extends RuntimeException {
  private final ErrorCode code;

  public JointureException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public JointureException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  /** The SQLSTATE: the code's own, unless a subclass keeps a source's. */
  public String sqlState() {
    return code.sqlState();
  }
}
