package io.jointure.pgwire.protocol;

import io.netty.buffer.ByteBuf;

/** ErrorResponse and NoticeResponse: severity, SQLSTATE, message and, where known, more. */
public final class ErrorMessages {
  private ErrorMessages() {
  }

  public static void error(ByteBuf out, PgError error) {
    fields(out, 'E', error);
  }

  public static void notice(ByteBuf out, PgError notice) {
    fields(out, 'N', notice);
  }

  private static void fields(ByteBuf out, char type, PgError error) {
    int at = Wire.begin(out, type);
    field(out, 'S', error.severity().name());
    field(out, 'V', error.severity().name());
    field(out, 'C', error.sqlState());
    field(out, 'M', error.message());
    if (error.detail() != null) {
      field(out, 'D', error.detail());
    }
    if (error.hint() != null) {
      field(out, 'H', error.hint());
    }
    if (error.position() > 0) {
      field(out, 'P', Integer.toString(error.position()));
    }
    out.writeByte(0);
    Wire.end(out, at);
  }

  private static void field(ByteBuf out, char code, String value) {
    out.writeByte(code);
    Wire.writeCString(out, value);
  }
}
