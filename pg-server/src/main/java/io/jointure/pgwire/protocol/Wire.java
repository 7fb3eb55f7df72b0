package io.jointure.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** The protocol's building blocks: NUL-terminated UTF-8 strings and length-prefixed messages. */
public final class Wire {
  private Wire() {
  }

  /** Reads a string up to its NUL; a missing NUL is a protocol violation naming {@code what}. */
  public static String readCString(ByteBuf in, String what) {
    int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) 0);
    if (end < 0) {
      throw new ProtocolException("invalid message: " + what + " is not NUL-terminated");
    }
    String text = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.UTF_8);
    in.readerIndex(end + 1);
    return text;
  }

  public static void writeCString(ByteBuf out, String text) {
    out.writeCharSequence(text, StandardCharsets.UTF_8);
    out.writeByte(0);
  }

  /** Reads an Int16 count, refusing a negative one or one the message cannot hold. */
  public static int readCount(ByteBuf in, int bytesEach, String what) {
    requireReadable(in, 2, what);
    int count = in.readShort();
    if (count < 0 || (long) count * bytesEach > in.readableBytes()) {
      throw new ProtocolException("invalid message: " + count + " " + what
          + " do not fit in the message");
    }
    return count;
  }

  public static void requireReadable(ByteBuf in, int bytes, String what) {
    if (in.readableBytes() < bytes) {
      throw new ProtocolException("invalid message: it ends before its " + what);
    }
  }

  /** Starts a backend message of {@code type}; answers where its length goes. */
  public static int begin(ByteBuf out, char type) {
    out.writeByte(type);
    int lengthAt = out.writerIndex();
    out.writeInt(0);
    return lengthAt;
  }

  /** Ends the message begun at {@code lengthAt}: its length counts itself, not the type. */
  public static void end(ByteBuf out, int lengthAt) {
    out.setInt(lengthAt, out.writerIndex() - lengthAt);
  }
}
