package io.jointure.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the client's bytes into {@link FrontendMessage}s. Until the startup packet, packets are
 * untyped (length, then a code: a protocol version or a request); after it, each message is a
 * type byte, a length and a body. A message over the size limit, a length that cannot be, or a
 * body that does not parse is a {@link ProtocolException}; after one, the rest is ignored (the
 * connection is closing).
 */
public final class FrontendDecoder extends ByteToMessageDecoder {
  /** PostgreSQL's own limit for a startup packet. */
  static final int MAX_STARTUP_BYTES = 10_000;
  static final int SSL_REQUEST = 80877103;
  static final int GSSENC_REQUEST = 80877104;
  static final int CANCEL_REQUEST = 80877102;

  /** Until login, messages are a password or SASL step: PostgreSQL's own limit for them. */
  static final int MAX_AUTHENTICATION_BYTES = 65_536;

  private final int maxMessageBytes;
  private volatile boolean authenticated;
  private boolean started;
  private boolean failed;

  public FrontendDecoder(int maxMessageBytes) {
    this.maxMessageBytes = maxMessageBytes;
  }

  /** The session logged in: messages up to the server's limit are taken from now on. */
  public void loggedIn() {
    authenticated = true;
  }

  /** Whether bytes past the last message wait to be decoded. */
  public boolean hasBufferedBytes() {
    return actualReadableBytes() > 0;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    try {
      FrontendMessage message = started ? typed(in) : startup(in);
      if (message != null) {
        out.add(message);
      }
    } catch (ProtocolException e) {
      failed = true;
      in.skipBytes(in.readableBytes());
      throw e;
    }
  }

  private FrontendMessage startup(ByteBuf in) {
    if (in.readableBytes() < 8) {
      return null;
    }
    int length = in.getInt(in.readerIndex());
    if (length < 8 || length > MAX_STARTUP_BYTES) {
      throw new ProtocolException("invalid startup packet length " + length
          + " (from 8 to " + MAX_STARTUP_BYTES + " bytes)");
    }
    if (in.readableBytes() < length) {
      return null;
    }
    ByteBuf packet = in.readSlice(length).skipBytes(4);
    int code = packet.readInt();
    switch (code) {
      case SSL_REQUEST:
        return new FrontendMessage.SslRequest();
      case GSSENC_REQUEST:
        return new FrontendMessage.GssEncRequest();
      case CANCEL_REQUEST:
        Wire.requireReadable(packet, 8, "process id and secret key");
        return new FrontendMessage.CancelRequest(packet.readInt(), packet.readInt());
      default:
        Map<String, String> parameters = new LinkedHashMap<>();
        while (packet.isReadable() && packet.getByte(packet.readerIndex()) != 0) {
          String name = Wire.readCString(packet, "a startup parameter's name");
          parameters.put(name, Wire.readCString(packet, "startup parameter " + name));
        }
        started = true;
        return new FrontendMessage.Startup(code >>> 16, code & 0xFFFF, parameters);
    }
  }

  private FrontendMessage typed(ByteBuf in) {
    if (in.readableBytes() < 5) {
      return null;
    }
    char type = (char) in.getUnsignedByte(in.readerIndex());
    int length = in.getInt(in.readerIndex() + 1);
    if (length < 4) {
      throw new ProtocolException("invalid message length " + length + " for message type '"
          + printable(type) + "'");
    }
    int limit = authenticated ? maxMessageBytes : Math.min(maxMessageBytes,
        MAX_AUTHENTICATION_BYTES);
    if (length > limit) {
      throw new ProtocolException("54000", "message of " + length + " bytes exceeds the limit of "
          + limit + " bytes" + (authenticated ? "" : " before login"));
    }
    if (in.readableBytes() < 1 + length) {
      return null;
    }
    in.skipBytes(5);
    ByteBuf body = in.readSlice(length - 4);
    FrontendMessage message = body(type, body);
    if (body.isReadable()) {
      throw new ProtocolException("invalid message format: " + body.readableBytes()
          + " bytes left over in message type '" + printable(type) + "'");
    }
    return message;
  }

  private static FrontendMessage body(char type, ByteBuf body) {
    switch (type) {
      case 'Q':
        return new FrontendMessage.Query(Wire.readCString(body, "the query"));
      case 'P': {
        String name = Wire.readCString(body, "the statement name");
        String sql = Wire.readCString(body, "the query");
        int count = Wire.readCount(body, 4, "parameter types");
        List<Integer> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          types.add(body.readInt());
        }
        return new FrontendMessage.Parse(name, sql, types);
      }
      case 'B':
        return bind(body);
      case 'D': {
        Wire.requireReadable(body, 1, "kind");
        char kind = (char) body.readByte();
        return new FrontendMessage.Describe(statementOrPortal(kind, "Describe"),
            Wire.readCString(body, "the name"));
      }
      case 'E': {
        String portal = Wire.readCString(body, "the portal name");
        Wire.requireReadable(body, 4, "row limit");
        return new FrontendMessage.Execute(portal, body.readInt());
      }
      case 'C': {
        Wire.requireReadable(body, 1, "kind");
        char kind = (char) body.readByte();
        return new FrontendMessage.Close(statementOrPortal(kind, "Close"),
            Wire.readCString(body, "the name"));
      }
      case 'S':
        return new FrontendMessage.Sync();
      case 'H':
        return new FrontendMessage.Flush();
      case 'X':
        return new FrontendMessage.Terminate();
      case 'p': {
        byte[] bytes = new byte[body.readableBytes()];
        body.readBytes(bytes);
        return new FrontendMessage.AuthenticationResponse(bytes);
      }
      case 'F':
        body.skipBytes(body.readableBytes());
        return new FrontendMessage.Unsupported(type, "the function call protocol");
      case 'd':
      case 'c':
      case 'f':
        body.skipBytes(body.readableBytes());
        return new FrontendMessage.Unsupported(type, "COPY");
      default:
        throw new ProtocolException("invalid frontend message type '" + printable(type) + "'");
    }
  }

  private static FrontendMessage bind(ByteBuf body) {
    String portal = Wire.readCString(body, "the portal name");
    String statement = Wire.readCString(body, "the statement name");
    int formatCount = Wire.readCount(body, 2, "parameter formats");
    List<Short> formats = new ArrayList<>(formatCount);
    for (int i = 0; i < formatCount; i++) {
      formats.add(format(body.readShort()));
    }
    int valueCount = Wire.readCount(body, 4, "parameter values");
    List<byte[]> values = new ArrayList<>(valueCount);
    for (int i = 0; i < valueCount; i++) {
      Wire.requireReadable(body, 4, "parameter " + (i + 1) + "'s length");
      int length = body.readInt();
      if (length == -1) {
        values.add(null);
        continue;
      }
      if (length < 0 || length > body.readableBytes()) {
        throw new ProtocolException("invalid message: parameter " + (i + 1) + " has length "
            + length + " but " + body.readableBytes() + " bytes are left");
      }
      byte[] value = new byte[length];
      body.readBytes(value);
      values.add(value);
    }
    int resultCount = Wire.readCount(body, 2, "result formats");
    List<Short> results = new ArrayList<>(resultCount);
    for (int i = 0; i < resultCount; i++) {
      results.add(format(body.readShort()));
    }
    return new FrontendMessage.Bind(portal, statement, formats, values, results);
  }

  private static short format(short code) {
    if (code != 0 && code != 1) {
      throw new ProtocolException("invalid format code " + code + " (0 for text, 1 for binary)");
    }
    return code;
  }

  private static char statementOrPortal(char kind, String message) {
    if (kind != 'S' && kind != 'P') {
      throw new ProtocolException("invalid " + message + " kind '" + printable(kind)
          + "' ('S' for a statement, 'P' for a portal)");
    }
    return kind;
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02x", (int) c);
  }

}
