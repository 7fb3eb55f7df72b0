package io.jointure.sql.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Jointure's runtime of PostgreSQL functions; each expected value is PostgreSQL 17's answer. */
class FunctionsTest {
  private static long ts(String text) {
    return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  @ParameterizedTest
  @CsvSource({
      "month,2024-03-17 13:45:12.5,2024-03-01 00:00:00",
      "week,2024-03-17 13:45:12.5,2024-03-11 00:00:00",
      "week,2024-03-11 00:00:00,2024-03-11 00:00:00",
      "quarter,2024-08-17 13:45:12,2024-07-01 00:00:00",
      "year,2024-08-17 13:45:12,2024-01-01 00:00:00",
      "day,2024-08-17 13:45:12,2024-08-17 00:00:00",
      "hour,2024-08-17 13:45:12,2024-08-17 13:00:00",
      "MINUTE,2024-08-17 13:45:12.5,2024-08-17 13:45:00",
      "second,2024-08-17 13:45:12.5,2024-08-17 13:45:12",
      "decade,2024-08-17 13:45:12,2020-01-01 00:00:00",
      "century,2024-08-17 13:45:12,2001-01-01 00:00:00",
      "millennium,2024-08-17 13:45:12,2001-01-01 00:00:00",
  })
  void dateTrunc(String field, String value, String expected) {
    assertEquals(ts(expected), DateTimeFunctions.dateTrunc(field, ts(value)));
  }

  @ParameterizedTest
  @CsvSource({
      "dow,2024-03-17 13:45:12.5,0", "isodow,2024-03-17 13:45:12.5,7",
      "doy,2024-12-31 00:00:00,366", "week,2024-12-30 00:00:00,1", "isoyear,2024-12-30 00:00:00,2025",
      "quarter,2024-03-31 00:00:00,1", "epoch,2024-03-17 13:45:12.5,1710683112.500000",
      "second,2024-03-17 13:45:12.5,12.500000", "milliseconds,2024-03-17 13:45:12.5,12500.000",
      "century,2000-06-01 00:00:00,20", "millennium,2001-01-01 00:00:00,3",
      "decade,2024-06-01 00:00:00,202",
  })
  void extract(String field, String value, String expected) {
    assertEquals(new BigDecimal(expected), DateTimeFunctions.extract(field, ts(value)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2026-12-02 00:00:00|2024-03-17 00:00:00|2 years 8 mons 16 days",
      "2001-04-10 00:00:00|1957-06-13 00:00:00|43 years 9 mons 27 days",
      "2024-03-17 13:45:12.5|2000-01-01 00:00:00|24 years 2 mons 16 days 13:45:12.5",
      "2000-01-01 00:00:00|2023-12-31 23:59:59|-23 years -11 mons -30 days -23:59:59",
      "2024-01-31 00:00:00|2024-03-01 00:00:00|-1 mons -1 days",
      "2024-03-01 10:00:00|2024-03-01 12:30:00|-02:30:00",
      "2024-03-01 00:00:00|2024-03-01 00:00:00|00:00:00",
      "2024-02-29 00:00:00|2023-02-28 23:00:00|1 year 01:00:00",
  })
  void age(String later, String earlier, String expected) {
    assertEquals(expected, DateTimeFunctions.age(ts(later), ts(earlier)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
      "12.35|999D99|  12.35", "-3.5|999D99|  -3.50", "0.5|999D99|    .50", "0.5|990D99|   0.50",
      "1234567.891|FM999,999,999.00|1,234,567.89", "5|000| 005", "2.5|FM999.99|2.5",
      "12|FM999.99|12.", "12.35|S999.9| +12.4", "-3.5|S999.9|  -3.5", "1234|9999| 1234",
      "12345|999| ###", "0|999|   0", "-12|999MI| 12-", "-12|999PR| <12>",
      "1234.5|9G999D9| 1,234.5", "12|999PR|  12 ", "-1234.5|FM9G999D9|-1,234.5",
      "0.05|FM0.00|0.05", "7|FM9|7", "1234567|9,999,999| 1,234,567", "-0.004|990D99|   0.00",
  })
  void toCharNumbers(String value, String pattern, String expected) {
    assertEquals(expected, NumberFormat.format(new BigDecimal(value), pattern));
  }

  @ParameterizedTest
  @CsvSource({"12.345,1,12.3", "12.35,1,12.4", "-12.35,1,-12.4", "1234.5678,-2,1200",
      "2.5,0,3", "-2.5,0,-3"})
  void roundNumeric(String value, int places, String expected) {
    assertEquals(new BigDecimal(expected), NumericFunctions.round(new BigDecimal(value), places));
  }

  @ParameterizedTest
  @CsvSource({"12.389,1,12.3", "-12.389,1,-12.3", "1299,-2,1200"})
  void truncNumeric(String value, int places, String expected) {
    assertEquals(new BigDecimal(expected), NumericFunctions.trunc(new BigDecimal(value), places));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"xxhixx|x|hi", "  hi  | |hi", "abcba|ab|c", "aaa|a|"})
  void btrim(String text, String characters, String expected) {
    assertEquals(expected == null ? "" : expected, TextFunctions.btrim(text,
        characters == null ? " " : characters));
  }
}
