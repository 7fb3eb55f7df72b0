package io.jointure.pgwire.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each frontend message, cut from bytes as PostgreSQL's "Message Formats" lays them out. */
class FrontendDecoderTest {
  private final EmbeddedChannel channel = new EmbeddedChannel(new FrontendDecoder(1 << 16));

  private static ByteBuf startup(int code, String... parameters) {
    ByteBuf body = Unpooled.buffer().writeInt(code);
    for (String p : parameters) {
      body.writeBytes(p.getBytes(StandardCharsets.UTF_8)).writeByte(0);
    }
    body.writeByte(0);
    return Unpooled.buffer().writeInt(body.readableBytes() + 4).writeBytes(body);
  }

  private static ByteBuf message(char type, ByteBuf body) {
    return Unpooled.buffer().writeByte(type).writeInt(body.readableBytes() + 4).writeBytes(body);
  }

  private static ByteBuf cstrings(String... parts) {
    ByteBuf body = Unpooled.buffer();
    for (String p : parts) {
      body.writeBytes(p.getBytes(StandardCharsets.UTF_8)).writeByte(0);
    }
    return body;
  }

  private <T> T next(Class<T> type) {
    Object message = channel.readInbound();
    assertTrue(type.isInstance(message), String.valueOf(message));
    return type.cast(message);
  }

  private void started() {
    channel.writeInbound(startup(196608, "user", "ana"));
    next(FrontendMessage.Startup.class);
  }

  @Test
  void startupCarriesVersionAndParameters() {
    channel.writeInbound(startup(196608, "user", "ana", "database", "crm"));
    FrontendMessage.Startup s = next(FrontendMessage.Startup.class);
    assertEquals(3, s.majorVersion());
    assertEquals(0, s.minorVersion());
    assertEquals("ana", s.parameters().get("user"));
    assertEquals("crm", s.parameters().get("database"));
  }

  @Test
  void requestsBeforeStartup() {
    channel.writeInbound(Unpooled.buffer().writeInt(8).writeInt(80877103));
    next(FrontendMessage.SslRequest.class);
    channel.writeInbound(Unpooled.buffer().writeInt(8).writeInt(80877104));
    next(FrontendMessage.GssEncRequest.class);
    channel.writeInbound(Unpooled.buffer().writeInt(16).writeInt(80877102).writeInt(42)
        .writeInt(-7));
    FrontendMessage.CancelRequest cancel = next(FrontendMessage.CancelRequest.class);
    assertEquals(42, cancel.processId());
    assertEquals(-7, cancel.secretKey());
  }

  @Test
  void aMessageSplitAcrossReadsIsWholeOnceComplete() {
    started();
    ByteBuf query = message('Q', cstrings("SELECT 1"));
    channel.writeInbound(query.readRetainedSlice(3));
    assertNull(channel.readInbound());
    channel.writeInbound(query);
    assertEquals("SELECT 1", next(FrontendMessage.Query.class).sql());
  }

  @Test
  void extendedQueryMessages() {
    started();
    ByteBuf parse = cstrings("s1", "SELECT $1").writeShort(1).writeInt(23);
    ByteBuf bind = cstrings("p1", "s1").writeShort(1).writeShort(1).writeShort(2)
        .writeInt(4).writeInt(7).writeInt(-1).writeShort(1).writeShort(0);
    channel.writeInbound(message('P', parse), message('B', bind),
        message('D', Unpooled.buffer().writeByte('P').writeBytes(cstrings("p1"))),
        message('E', cstrings("p1").writeInt(50)),
        message('C', Unpooled.buffer().writeByte('S').writeBytes(cstrings("s1"))),
        message('H', Unpooled.buffer()), message('S', Unpooled.buffer()),
        message('X', Unpooled.buffer()));
    FrontendMessage.Parse p = next(FrontendMessage.Parse.class);
    assertEquals(List.of(23), p.parameterTypes());
    FrontendMessage.Bind b = next(FrontendMessage.Bind.class);
    assertEquals(List.of((short) 1), b.parameterFormats());
    assertArrayEquals(new byte[] {0, 0, 0, 7}, b.values().get(0));
    assertNull(b.values().get(1));
    assertEquals(List.of((short) 0), b.resultFormats());
    assertEquals('P', next(FrontendMessage.Describe.class).kind());
    assertEquals(50, next(FrontendMessage.Execute.class).maxRows());
    assertEquals("s1", next(FrontendMessage.Close.class).name());
    next(FrontendMessage.Flush.class);
    next(FrontendMessage.Sync.class);
    next(FrontendMessage.Terminate.class);
  }

  @Test
  void badBytesAreProtocolViolations() {
    started();
    assertViolation(message('z', Unpooled.buffer()), "08P01", "invalid frontend message type");
    EmbeddedChannel fresh = new EmbeddedChannel(new FrontendDecoder(1 << 16));
    fresh.writeInbound(startup(196608, "user", "ana"));
    fresh.readInbound();
    DecoderException big = assertThrows(DecoderException.class, () -> fresh.writeInbound(
        Unpooled.buffer().writeByte('Q').writeInt(1 << 20)));
    assertEquals("54000", ((ProtocolException) big.getCause()).sqlState());
  }

  @Test
  void aBindWhoseCountsLieIsRefused() {
    started();
    ByteBuf bind = cstrings("", "").writeShort(0).writeShort(500).writeInt(4);
    assertViolation(message('B', bind), "08P01", "do not fit");
  }

  @Test
  void anUnterminatedStringIsRefused() {
    started();
    assertViolation(message('Q', Unpooled.copiedBuffer("SELECT 1", StandardCharsets.UTF_8)),
        "08P01", "not NUL-terminated");
  }

  private void assertViolation(ByteBuf bytes, String sqlState, String message) {
    DecoderException e = assertThrows(DecoderException.class, () -> channel.writeInbound(bytes));
    ProtocolException cause = (ProtocolException) e.getCause();
    assertEquals(sqlState, cause.sqlState());
    assertTrue(cause.getMessage().contains(message), cause.getMessage());
  }
}
