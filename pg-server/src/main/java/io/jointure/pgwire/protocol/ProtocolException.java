package io.jointure.pgwire.protocol;

/**
 * A client sent something the protocol does not allow (SQLSTATE 08P01, protocol violation,
 * unless told otherwise): the connection ends after an ErrorResponse saying what and where.
 */
public final class ProtocolException extends RuntimeException {
  public static final String PROTOCOL_VIOLATION = "08P01";

  private final String sqlState;

  public ProtocolException(String message) {
    this(PROTOCOL_VIOLATION, message);
  }

  public ProtocolException(String sqlState, String message) {
    super(message);
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }
}
