package io.jointure.pgwire.protocol;

import java.util.List;
import java.util.Map;

/**
 * A message from a client, as PostgreSQL's protocol 3.0 defines it (chapter "Message Formats").
 * The first packet of a connection has no type byte: a startup message, or a request for TLS,
 * GSS encryption or a cancel. The rest carry a type byte and a length.
 */
public sealed interface FrontendMessage {
  /** The startup packet: protocol version and the session's parameters (user, database...). */
  record Startup(int majorVersion, int minorVersion, Map<String, String> parameters)
      implements FrontendMessage {
  }

  /** A request to switch to TLS before the startup packet. */
  record SslRequest() implements FrontendMessage {
  }

  /** A request for GSSAPI encryption: always declined. */
  record GssEncRequest() implements FrontendMessage {
  }

  /** A request, on a new connection, to cancel what another session runs. */
  record CancelRequest(int processId, int secretKey) implements FrontendMessage {
  }

  /**
   * 'p': a password, or a SASL initial response or response; which one depends on the
   * authentication step, so the bytes are kept as they came.
   */
  record AuthenticationResponse(byte[] body) implements FrontendMessage {
  }

  /** 'Q': one or more statements, run with the simple query protocol. */
  record Query(String sql) implements FrontendMessage {
  }

  /** 'P': prepares {@code sql} as statement {@code name} ("" for the unnamed one). */
  record Parse(String name, String sql, List<Integer> parameterTypes) implements FrontendMessage {
  }

  /**
   * 'B': binds values to a prepared statement as portal {@code portal}. A format list is empty
   * (all text), of one (for all) or of one per value or column; a null value is SQL NULL.
   */
  record Bind(String portal, String statement, List<Short> parameterFormats,
      List<byte[]> values, List<Short> resultFormats) implements FrontendMessage {
  }

  /** 'D': describes statement ('S') or portal ('P') {@code name}. */
  record Describe(char kind, String name) implements FrontendMessage {
  }

  /** 'E': runs a portal, returning at most {@code maxRows} rows (0: all). */
  record Execute(String portal, int maxRows) implements FrontendMessage {
  }

  /** 'C': closes statement ('S') or portal ('P') {@code name}. */
  record Close(char kind, String name) implements FrontendMessage {
  }

  /** 'S': ends an extended-query exchange; the server answers ReadyForQuery. */
  record Sync() implements FrontendMessage {
  }

  /** 'H': asks for what is pending to be sent. */
  record Flush() implements FrontendMessage {
  }

  /** 'X': the client is leaving. */
  record Terminate() implements FrontendMessage {
  }

  /** A message this server does not take (COPY data, function calls): answered with an error. */
  record Unsupported(char type, String what) implements FrontendMessage {
  }
}
