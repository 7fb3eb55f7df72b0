package io.jointure.sql.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PostgreSQL's interval input, read into months, days and milliseconds as PostgreSQL does. */
class IntervalTextTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "40 years|480|0|0",
      "1 day|0|1|0",
      "2 hours 30 minutes|0|0|9000000",
      "1 year 2 mons 3 days|14|3|0",
      "1 day 02:00:00|0|1|7200000",
      "-1 day|0|-1|0",
      "@ 3 days ago|0|-3|0",
      "1.5 hours|0|0|5400000",
      "1.5 days|0|1|43200000",
      "1.5 months|1|15|0",
      "2 weeks|0|14|0",
      "10:30|0|0|37800000",
      "250 ms|0|0|250",
      "1 decade|120|0|0",
      "3 DAYS|0|3|0",
  })
  void readsPostgresIntervals(String text, int months, int days, long millis) {
    assertEquals(new IntervalText(months, days, millis), IntervalText.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "forty years", "1 fortnight", "1 day 2", "ago"})
  void refusesWhatIsNoInterval(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IntervalText.parse(text));
    assertTrue(e.getMessage().contains("interval"), e.getMessage());
  }
}
