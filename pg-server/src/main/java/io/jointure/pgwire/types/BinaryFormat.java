package io.jointure.pgwire.types;

import io.jointure.sql.values.PostgresText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Values in the protocol's binary format, as PostgreSQL's send and receive functions write and
 * read them: big-endian integers and IEEE floats, dates as days and timestamps as microseconds
 * since 2000-01-01, numerics in base-10000 digits, arrays with their dimensions.
 */
public final class BinaryFormat {
  private static final LocalDate POSTGRES_EPOCH = LocalDate.of(2000, 1, 1);
  private static final LocalDateTime POSTGRES_EPOCH_TIME = POSTGRES_EPOCH.atStartOfDay();
  private static final short NUMERIC_POSITIVE = 0x0000;
  private static final short NUMERIC_NEGATIVE = 0x4000;
  private static final short NUMERIC_NAN = (short) 0xC000;
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

  private BinaryFormat() {
  }

  /** Whether values of {@code type} can be sent in binary. */
  public static boolean supports(ColumnType type) {
    return switch (type.type()) {
      case INTERVAL, UNKNOWN, REGCLASS, REGTYPE, REGPROC -> false;
      default -> true;
    };
  }

  /** Column {@code column}'s value in binary, or null for SQL NULL. */
  public static byte[] encode(ResultSet rows, int column, ColumnType type) throws SQLException {
    if (type.array()) {
      Array array = rows.getArray(column);
      return array == null ? null : array(type.type(), ColumnType.elements(array));
    }
    if (rows.getObject(column) == null) {
      return null;
    }
    return switch (type.type()) {
      case BOOL -> new byte[] {(byte) (rows.getBoolean(column) ? 1 : 0)};
      case INT2 -> ByteBuffer.allocate(2).putShort(rows.getShort(column)).array();
      case INT4, OID -> ByteBuffer.allocate(4).putInt(rows.getInt(column)).array();
      case INT8 -> ByteBuffer.allocate(8).putLong(rows.getLong(column)).array();
      case FLOAT4 -> ByteBuffer.allocate(4).putFloat(rows.getFloat(column)).array();
      case FLOAT8 -> ByteBuffer.allocate(8).putDouble(rows.getDouble(column)).array();
      case NUMERIC -> numeric(PostgresText.withScale(rows.getBigDecimal(column),
          type.scale()));
      case BYTEA -> rows.getBytes(column);
      // A wall-clock time of the session's zone, without the offset the text format adds.
      case TIMESTAMPTZ -> scalar(PgType.TIMESTAMPTZ, rows.getString(column));
      default -> scalar(type.type(), TextFormat.text(rows, column, type));
    };
  }

  /** A value known by its text (dates, times, UUIDs, strings) in binary. */
  private static byte[] scalar(PgType type, String text) {
    return switch (type) {
      case DATE -> ByteBuffer.allocate(4).putInt((int) ChronoUnit.DAYS.between(POSTGRES_EPOCH,
          LocalDate.parse(text))).array();
      case TIME -> ByteBuffer.allocate(8).putLong(LocalTime.parse(text).toNanoOfDay() / 1000)
          .array();
      case TIMESTAMP -> ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(
          POSTGRES_EPOCH_TIME, LocalDateTime.parse(text.replace(' ', 'T')))).array();
      case TIMESTAMPTZ -> ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(
          POSTGRES_EPOCH_TIME.atZone(java.time.ZoneOffset.UTC).toInstant(),
          LocalDateTime.parse(text.replace(' ', 'T')).atZone(ZoneId.systemDefault())
              .toInstant())).array();
      case UUID -> {
        UUID uuid = java.util.UUID.fromString(text);
        yield ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
            .putLong(uuid.getLeastSignificantBits()).array();
      }
      case JSONB -> {
        byte[] json = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[json.length + 1];
        out[0] = 1; // jsonb's binary format version
        System.arraycopy(json, 0, out, 1, json.length);
        yield out;
      }
      default -> text.getBytes(StandardCharsets.UTF_8);
    };
  }

  private static byte[] element(PgType type, Object item) {
    return switch (type) {
      case BOOL -> new byte[] {(byte) (Boolean.TRUE.equals(item) ? 1 : 0)};
      case INT2 -> ByteBuffer.allocate(2).putShort(((Number) item).shortValue()).array();
      case INT4 -> ByteBuffer.allocate(4).putInt(((Number) item).intValue()).array();
      case INT8 -> ByteBuffer.allocate(8).putLong(((Number) item).longValue()).array();
      case FLOAT4 -> ByteBuffer.allocate(4).putFloat(((Number) item).floatValue()).array();
      case FLOAT8 -> ByteBuffer.allocate(8).putDouble(((Number) item).doubleValue()).array();
      case NUMERIC -> numeric(item instanceof BigDecimal d ? d : new BigDecimal(item.toString()));
      case BYTEA -> (byte[]) item;
      default -> scalar(type, TextFormat.element(type, item));
    };
  }

  static byte[] array(PgType element, Object[] items) {
    List<byte[]> encoded = new ArrayList<>(items.length);
    boolean hasNull = false;
    int size = 20;
    for (Object item : items) {
      byte[] bytes = item == null ? null : element(element, item);
      hasNull |= bytes == null;
      size += 4 + (bytes == null ? 0 : bytes.length);
      encoded.add(bytes);
    }
    ByteBuffer out = ByteBuffer.allocate(items.length == 0 ? 12 : size);
    out.putInt(items.length == 0 ? 0 : 1).putInt(hasNull ? 1 : 0).putInt(element.oid);
    if (items.length > 0) {
      out.putInt(items.length).putInt(1);
      for (byte[] bytes : encoded) {
        if (bytes == null) {
          out.putInt(-1);
        } else {
          out.putInt(bytes.length).put(bytes);
        }
      }
    }
    return out.array();
  }

  /** numeric_send: digit count, weight of the first base-10000 digit, sign, display scale. */
  static byte[] numeric(BigDecimal value) {
    int scale = Math.max(value.scale(), 0);
    BigInteger unscaled = value.setScale(scale).unscaledValue().abs();
    // Align the fraction to whole base-10000 digits.
    int fractionDigits = (scale + 3) / 4;
    unscaled = unscaled.multiply(BigInteger.TEN.pow(fractionDigits * 4 - scale));
    List<Short> digits = new ArrayList<>();
    while (unscaled.signum() > 0) {
      BigInteger[] qr = unscaled.divideAndRemainder(TEN_THOUSAND);
      digits.add(0, qr[1].shortValue());
      unscaled = qr[0];
    }
    int weight = digits.size() - fractionDigits - 1;
    while (!digits.isEmpty() && digits.get(digits.size() - 1) == 0) {
      digits.remove(digits.size() - 1);
    }
    while (!digits.isEmpty() && digits.get(0) == 0) {
      digits.remove(0);
      weight--;
    }
    ByteBuffer out = ByteBuffer.allocate(8 + 2 * digits.size());
    out.putShort((short) digits.size()).putShort((short) (digits.isEmpty() ? 0 : weight))
        .putShort(value.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE)
        .putShort((short) scale);
    digits.forEach(out::putShort);
    return out.array();
  }

  /** numeric_recv. */
  static BigDecimal numeric(ByteBuffer in) {
    int count = in.getShort();
    int weight = in.getShort();
    short sign = in.getShort();
    int scale = in.getShort();
    if (sign == NUMERIC_NAN) {
      throw new NumberFormatException("NaN is no SQL DECIMAL value");
    }
    BigInteger unscaled = BigInteger.ZERO;
    for (int i = 0; i < count; i++) {
      unscaled = unscaled.multiply(TEN_THOUSAND).add(BigInteger.valueOf(in.getShort()));
    }
    // The digits read are worth 10000^(weight - count + 1).
    BigDecimal value = new BigDecimal(unscaled).scaleByPowerOfTen(4 * (weight - count + 1));
    value = value.setScale(scale, java.math.RoundingMode.UNNECESSARY);
    return sign == NUMERIC_NEGATIVE ? value.negate() : value;
  }

  /** Whether a parameter of {@code type} can be read in binary. */
  static boolean decodes(PgType type) {
    return switch (type) {
      case INTERVAL, UNKNOWN, REGCLASS, REGTYPE, REGPROC -> false;
      default -> true;
    };
  }

  /**
   * A parameter value sent in binary, as a Java value of {@code type}.
   *
   * @throws IllegalArgumentException the value's length is not its type's
   */
  public static Object decode(PgType type, byte[] bytes) {
    if (type.length > 0 && type != PgType.NAME && bytes.length != type.length) {
      throw new IllegalArgumentException(bytes.length + " bytes for a " + type.typeName
          + " value, which takes " + type.length);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    return switch (type) {
      case BOOL -> bytes[0] != 0;
      case INT2 -> in.getShort();
      case INT4, OID -> in.getInt();
      case INT8 -> in.getLong();
      case FLOAT4 -> in.getFloat();
      case FLOAT8 -> in.getDouble();
      case NUMERIC -> numeric(in);
      case BYTEA -> bytes;
      case DATE -> java.sql.Date.valueOf(POSTGRES_EPOCH.plusDays(in.getInt()));
      case TIME -> java.sql.Time.valueOf(LocalTime.ofNanoOfDay(in.getLong() * 1000));
      case TIMESTAMP -> java.sql.Timestamp.valueOf(POSTGRES_EPOCH_TIME.plus(in.getLong(),
          ChronoUnit.MICROS));
      case TIMESTAMPTZ -> java.sql.Timestamp.from(POSTGRES_EPOCH_TIME
          .atZone(java.time.ZoneOffset.UTC).toInstant().plus(in.getLong(), ChronoUnit.MICROS));
      case UUID -> new UUID(in.getLong(), in.getLong()).toString();
      case JSONB -> new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
      default -> new String(bytes, StandardCharsets.UTF_8);
    };
  }
}
