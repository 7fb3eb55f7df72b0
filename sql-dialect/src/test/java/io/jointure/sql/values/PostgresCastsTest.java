package io.jointure.sql.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.JointureException;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PostgreSQL's cast rules where Calcite's differ; each expected value is PostgreSQL 17's. */
class PostgresCastsTest {
  @ParameterizedTest
  @CsvSource({"t,true", "TRUE,true", " yes ,true", "on,true", "1,true", "y,true",
      "f,false", "false,false", "no,false", "off,false", "0,false", "N,false"})
  void textToBoolean(String text, boolean expected) {
    assertEquals(expected, PostgresCasts.textToBoolean(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"maybe", "", "o", "2", "yess"})
  void textThatIsNoBoolean(String text) {
    JointureException e = assertThrows(JointureException.class,
        () -> PostgresCasts.textToBoolean(text));
    assertEquals(ErrorCode.INVALID_TEXT_REPRESENTATION, e.code());
  }

  @ParameterizedTest
  @CsvSource({"12.5,13", "-12.5,-13", "12.49,12", "-3.5,-4", "0.5,1", "2147483647.4,2147483647"})
  void numericToIntegerRoundsHalfAwayFromZero(String value, int expected) {
    assertEquals(expected, PostgresCasts.decimalToInteger(new BigDecimal(value)));
  }

  @ParameterizedTest
  @CsvSource({"2.5,2", "3.5,4", "-0.5,0", "-2.5,-2", "2.6,3"})
  void doubleToIntegerRoundsHalfToEven(double value, int expected) {
    assertEquals(expected, PostgresCasts.doubleToInteger(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2147483647.5", "-2147483648.5", "1e12"})
  void integersOutOfRange(String value) {
    JointureException e = assertThrows(JointureException.class,
        () -> PostgresCasts.decimalToInteger(new BigDecimal(value)));
    assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, e.code());
  }

  @ParameterizedTest
  @CsvSource({"2.5,2.5", "-0.5,-0.5", "100.0,100", "1e15,1e+15", "123456789012345,123456789012345",
      "0.0001,0.0001", "0.00001,1e-05", "1.5e-7,1.5e-07", "0.1,0.1", "3.141592653589793,3.141592653589793"})
  void doubleToTextAsPostgresPrintsIt(double value, String expected) {
    assertEquals(expected, PostgresCasts.doubleToText(value));
  }

  @ParameterizedTest
  @CsvSource({"0,1970-01-01 00:00:00", "1710683112500,2024-03-17 13:45:12.5",
      "1710683112120,2024-03-17 13:45:12.12", "-86400000,1969-12-31 00:00:00"})
  void timestampToText(long millis, String expected) {
    assertEquals(expected, PostgresCasts.timestampToText(millis));
  }
}
