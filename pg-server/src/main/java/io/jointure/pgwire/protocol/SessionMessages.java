package io.jointure.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * What the server tells of the session itself: its settings (ParameterStatus), the key to cancel
 * it (BackendKeyData), that it waits for a query and in which transaction state (ReadyForQuery),
 * and the protocol version it speaks when the client asked for a newer one.
 */
public final class SessionMessages {
  /** ReadyForQuery's transaction states. */
  public enum TransactionStatus {
    IDLE('I'), IN_TRANSACTION('T'), FAILED('E');

    final char code;

    TransactionStatus(char code) {
      this.code = code;
    }
  }

  private SessionMessages() {
  }

  public static void parameterStatus(ByteBuf out, String name, String value) {
    int at = Wire.begin(out, 'S');
    Wire.writeCString(out, name);
    Wire.writeCString(out, value);
    Wire.end(out, at);
  }

  public static void backendKeyData(ByteBuf out, int processId, int secretKey) {
    int at = Wire.begin(out, 'K');
    out.writeInt(processId);
    out.writeInt(secretKey);
    Wire.end(out, at);
  }

  public static void readyForQuery(ByteBuf out, TransactionStatus status) {
    int at = Wire.begin(out, 'Z');
    out.writeByte(status.code);
    Wire.end(out, at);
  }

  /** Protocol 3.{@code newestMinor} is what this server speaks; these options it does not know. */
  public static void negotiateProtocolVersion(ByteBuf out, int newestMinor,
      List<String> unknownOptions) {
    int at = Wire.begin(out, 'v');
    out.writeInt((3 << 16) | newestMinor);
    out.writeInt(unknownOptions.size());
    unknownOptions.forEach(option -> Wire.writeCString(out, option));
    Wire.end(out, at);
  }
}
