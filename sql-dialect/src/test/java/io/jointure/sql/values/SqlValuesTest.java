package io.jointure.sql.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Calcite's internal forms of SQL values, and the rules every source shares to reach them. */
class SqlValuesTest {
  @ParameterizedTest
  @CsvSource({"2,2", "2.0,2", "-7E+2,-700", "0.000,0", "9223372036854775807,9223372036854775807",
      "-9223372036854775808,-9223372036854775808"})
  void wholeNumbersThatFitALong(String number, long expected) {
    assertEquals(expected, SqlValues.wholeLong(new BigDecimal(number)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.5", "0.001", "9223372036854775808", "1E+30"})
  void numbersThatAreNoLong(String number) {
    assertNull(SqlValues.wholeLong(new BigDecimal(number)));
  }

  @ParameterizedTest
  @CsvSource({"14,INTEGER,14", "14.0,SMALLINT,14", "5000000000,BIGINT,5000000000",
      "-128,TINYINT,-128"})
  void exactIntegers(String number, SqlTypeName type, long expected) {
    assertEquals(expected, ((Number) SqlValues.exactInteger(new BigDecimal(number), type))
        .longValue());
  }

  @ParameterizedTest
  @CsvSource({"5000000000,INTEGER", "2.9,BIGINT", "40000,SMALLINT", "128,TINYINT"})
  void numbersThatDoNotFitTheIntegerType(String number, SqlTypeName type) {
    assertThrows(ArithmeticException.class,
        () -> SqlValues.exactInteger(new BigDecimal(number), type));
  }

  @ParameterizedTest
  @CsvSource({"0.1,0.1", "2.5E0,2.5", "1.0E-7,1.0E-7"})
  void doublesBecomeTheirShortestDecimal(double value, String expected) {
    assertEquals(new BigDecimal(expected), SqlValues.decimal(value));
  }

  @ParameterizedTest
  @CsvSource({"1970-01-01,0", "2024-03-17,19799", "1969-12-31,-1"})
  void datesAreDays(String date, int days) {
    assertEquals(days, SqlValues.toInternal(LocalDate.parse(date), SqlTypeName.DATE));
    assertEquals(days, SqlValues.toInternal(java.sql.Date.valueOf(date), SqlTypeName.DATE));
    assertEquals(LocalDate.parse(date), SqlValues.toJava(days, SqlTypeName.DATE));
  }

  @ParameterizedTest
  @CsvSource({"2024-03-17T13:45:12.500,1710683112500", "1969-12-31T23:59:59.999,-1"})
  void timestampsAreWallClockMilliseconds(String time, long millis) {
    assertEquals(millis, SqlValues.toInternal(LocalDateTime.parse(time), SqlTypeName.TIMESTAMP));
    assertEquals(LocalDateTime.parse(time), SqlValues.toJava(millis, SqlTypeName.TIMESTAMP));
  }

  @ParameterizedTest
  @CsvSource({"13:45:12.5,49512500", "00:00,0"})
  void timesAreMillisecondsOfTheDay(String time, int millis) {
    assertEquals(millis, SqlValues.toInternal(LocalTime.parse(time), SqlTypeName.TIME));
    assertEquals(LocalTime.parse(time), SqlValues.toJava(millis, SqlTypeName.TIME));
  }

  @ParameterizedTest
  @CsvSource({"1710683112500", "0", "-86400000"})
  void instantsRoundTripThroughTheSessionsWallClock(long millis) {
    assertEquals(millis, SqlValues.wallClockMillis(SqlValues.instant(millis)));
  }
}
