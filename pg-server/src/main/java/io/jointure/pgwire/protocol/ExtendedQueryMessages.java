package io.jointure.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import java.util.List;

/** The extended query protocol's acknowledgements and a statement's parameter types. */
public final class ExtendedQueryMessages {
  private ExtendedQueryMessages() {
  }

  public static void parseComplete(ByteBuf out) {
    empty(out, '1');
  }

  public static void bindComplete(ByteBuf out) {
    empty(out, '2');
  }

  public static void closeComplete(ByteBuf out) {
    empty(out, '3');
  }

  public static void parameterDescription(ByteBuf out, List<Integer> typeOids) {
    int at = Wire.begin(out, 't');
    out.writeShort(typeOids.size());
    typeOids.forEach(out::writeInt);
    Wire.end(out, at);
  }

  static void empty(ByteBuf out, char type) {
    Wire.end(out, Wire.begin(out, type));
  }
}
