package io.jointure.adapter.sql;

/** A failure of one source, named in the message with the URL (never with credentials). */
public final class SourceException extends RuntimeException {
  public SourceException(SqlSource source, String what, Throwable cause) {
    super("datasource '" + source.name() + "' (" + source.safeUrl() + "): " + what + ": "
        + rootMessage(cause), cause);
  }

  private static String rootMessage(Throwable t) {
    String message = t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message;
  }
}
