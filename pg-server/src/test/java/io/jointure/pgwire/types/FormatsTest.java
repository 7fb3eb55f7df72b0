package io.jointure.pgwire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jointure.sql.values.PostgresText;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Types;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Values in the protocol's text and binary formats, checked against PostgreSQL's own output. */
class FormatsTest {
  /** Bytes from PostgreSQL 17's numeric_send for the same values. */
  @Test
  void numericsAreSentAsPostgresSendsThem() {
    assertEquals("000500010000000c001e017a16520b290595",
        HexFormat.of().formatHex(BinaryFormat.numeric(new BigDecimal("300378.571428571429"))));
    assertEquals("0000000000000000", HexFormat.of().formatHex(BinaryFormat.numeric(BigDecimal.ZERO)));
    for (String value : new String[] {"-12.5", "0.0001", "10000", "123456789.000", "-0.5"}) {
      BigDecimal decimal = new BigDecimal(value);
      assertEquals(decimal, BinaryFormat.numeric(ByteBuffer.wrap(BinaryFormat.numeric(decimal))));
    }
  }

  @Test
  void arraysInTextQuoteWhatPostgresQuotes() {
    assertEquals("{1,2,NULL}", TextFormat.array(PgType.INT4, new Object[] {1, 2, null}));
    assertEquals("{plain,\"a b\",\"\",\"with \\\"quote\\\"\",\"NULL\"}", TextFormat.array(
        PgType.TEXT, new Object[] {"plain", "a b", "", "with \"quote\"", "NULL"}));
  }

  @Test
  void floatsPrintAsPostgres12() {
    assertEquals("1.5", PostgresText.float8(1.5));
    assertEquals("100", PostgresText.float8(100.0));
    assertEquals("1e+16", PostgresText.float8(1e16));
    assertEquals("1.5e-05", PostgresText.float8(0.000015));
    assertEquals("0.0001", PostgresText.float8(0.0001));
    assertEquals("-Infinity", PostgresText.float8(Double.NEGATIVE_INFINITY));
    assertEquals("NaN", PostgresText.float8(Double.NaN));
    assertEquals("0.1", PostgresText.float4(0.1f));
  }

  @Test
  void parametersBecomeTheTypeJointureInferred() {
    assertEquals(42, ParameterValues.decode(1, "42".getBytes(), (short) 0, PgType.VARCHAR,
        Types.INTEGER));
    assertEquals(42L, ParameterValues.decode(1, new byte[] {0, 0, 0, 42}, (short) 1,
        PgType.INT4, Types.BIGINT));
    assertEquals(java.sql.Timestamp.valueOf("2025-01-01 10:00:00"), ParameterValues.decode(1,
        "2025-01-01 10:00:00".getBytes(), (short) 0, null, Types.TIMESTAMP));
    assertEquals(true, ParameterValues.decode(1, "on".getBytes(), (short) 0, null, Types.BOOLEAN));
    assertEquals(new BigDecimal("-12.5"), ParameterValues.decode(1,
        BinaryFormat.numeric(new BigDecimal("-12.5")), (short) 1, PgType.NUMERIC, Types.DECIMAL));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> ParameterValues.decode(2, "abc".getBytes(), (short) 0, null, Types.INTEGER));
    assertEquals("parameter $2: invalid input for type integer: For input string: \"abc\"",
        bad.getMessage());
  }
}
