package io.jointure.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import java.util.List;

/** The server's 'R' messages: which authentication it asks for, its SASL steps, and success. */
public final class AuthenticationMessages {
  private static final int OK = 0;
  private static final int CLEARTEXT_PASSWORD = 3;
  private static final int SASL = 10;
  private static final int SASL_CONTINUE = 11;
  private static final int SASL_FINAL = 12;

  private AuthenticationMessages() {
  }

  public static void ok(ByteBuf out) {
    code(out, OK, null);
  }

  public static void cleartextPassword(ByteBuf out) {
    code(out, CLEARTEXT_PASSWORD, null);
  }

  public static void sasl(ByteBuf out, List<String> mechanisms) {
    int at = Wire.begin(out, 'R');
    out.writeInt(SASL);
    mechanisms.forEach(mechanism -> Wire.writeCString(out, mechanism));
    out.writeByte(0);
    Wire.end(out, at);
  }

  public static void saslContinue(ByteBuf out, byte[] data) {
    code(out, SASL_CONTINUE, data);
  }

  public static void saslFinal(ByteBuf out, byte[] data) {
    code(out, SASL_FINAL, data);
  }

  private static void code(ByteBuf out, int code, byte[] data) {
    int at = Wire.begin(out, 'R');
    out.writeInt(code);
    if (data != null) {
      out.writeBytes(data);
    }
    Wire.end(out, at);
  }
}
