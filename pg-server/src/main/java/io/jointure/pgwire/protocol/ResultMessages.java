package io.jointure.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * A statement's result: its columns (RowDescription) or none (NoData), its rows (DataRow), and
 * how it ended (CommandComplete with its tag, EmptyQueryResponse, PortalSuspended at a row limit).
 */
public final class ResultMessages {
  /**
   * A result column as RowDescription carries it. {@code tableOid}/{@code columnNumber} are 0
   * where the column is not a table's.
   */
  public record Column(String name, int tableOid, short columnNumber, int typeOid,
      short typeLength, int typeModifier) {
  }

  private ResultMessages() {
  }

  public static void rowDescription(ByteBuf out, List<Column> columns, List<Short> formats) {
    int at = Wire.begin(out, 'T');
    out.writeShort(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      Wire.writeCString(out, column.name());
      out.writeInt(column.tableOid());
      out.writeShort(column.columnNumber());
      out.writeInt(column.typeOid());
      out.writeShort(column.typeLength());
      out.writeInt(column.typeModifier());
      out.writeShort(formats.get(i));
    }
    Wire.end(out, at);
  }

  public static void noData(ByteBuf out) {
    ExtendedQueryMessages.empty(out, 'n');
  }

  /** Starts a DataRow of {@code columns} values; each is then written with {@link #value}. */
  public static int beginDataRow(ByteBuf out, int columns) {
    int at = Wire.begin(out, 'D');
    out.writeShort(columns);
    return at;
  }

  /** One value of a DataRow: null for SQL NULL. */
  public static void value(ByteBuf out, byte[] value) {
    if (value == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(value.length);
      out.writeBytes(value);
    }
  }

  public static void endDataRow(ByteBuf out, int at) {
    Wire.end(out, at);
  }

  public static void commandComplete(ByteBuf out, String tag) {
    int at = Wire.begin(out, 'C');
    Wire.writeCString(out, tag);
    Wire.end(out, at);
  }

  public static void emptyQueryResponse(ByteBuf out) {
    ExtendedQueryMessages.empty(out, 'I');
  }

  public static void portalSuspended(ByteBuf out) {
    ExtendedQueryMessages.empty(out, 's');
  }
}
