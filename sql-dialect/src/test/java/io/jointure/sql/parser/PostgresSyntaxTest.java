package io.jointure.sql.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text adapter rewrites only PostgreSQL syntax the parser lacks, and maps positions back. */
class PostgresSyntaxTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // DISTINCT ON: the marker call keeps the length; the space after ')' becomes the comma
      "SELECT DISTINCT ON (a, b) a, c FROM t|SELECT DISTINCT_ON (a, b),a, c FROM t",
      "select distinct on(a)* from t|select DISTINCT_ON(a),* from t",
      "SELECT DISTINCT a FROM t|SELECT DISTINCT a FROM t",
      // intervals without a qualifier, casts to interval
      "SELECT now() - interval '40 years'|SELECT now() - JOINTURE_INTERVAL('40 years')",
      "SELECT ts + '1 day'::interval|SELECT ts + JOINTURE_INTERVAL('1 day')",
      "SELECT CAST('2 hours' AS interval)|SELECT JOINTURE_INTERVAL('2 hours')",
      // the SQL standard's qualified intervals stay
      "SELECT interval '1' day|SELECT interval '1' day",
      "SELECT INTERVAL '3' MONTHS|SELECT INTERVAL '3' MONTHS",
      // :: binds to the operand right before it
      "SELECT a - b::date FROM t|SELECT a - (b::date) FROM t",
      "SELECT (a - b)::date FROM t|SELECT ((a - b)::date) FROM t",
      "SELECT -x::int, t.c::numeric(10,2) * 2|SELECT -(x::int), (t.c::numeric(10,2)) * 2",
      "SELECT x::int::text|SELECT ((x::int)::text)",
      "SELECT count(*)::int, f(a, b)::double precision|SELECT (count(*)::int), (f(a, b)::double precision)",
      "SELECT CASE WHEN a THEN 1 END::text|SELECT (CASE WHEN a THEN 1 END::text)",
      "SELECT ARRAY[1]::int[], ?::int, \"c\"::text|SELECT CAST(ARRAY[1] AS int ARRAY), (?::int), (\"c\"::text)",
      "SELECT ts::timestamp with time zone|SELECT (ts::timestamp with time zone)",
      // array types: a cast of a value, an array literal element by element
      "SELECT x::int[] FROM t|SELECT CAST(x AS int ARRAY) FROM t",
      "SELECT '{1, 2}'::int[]|SELECT ARRAY[CAST('1' AS int), CAST('2' AS int)]",
      "SELECT w <> ALL ('{a,\"b c\",NULL}'::text[])|SELECT w <> ALL (ARRAY['a', 'b c', CAST(NULL AS text)])",
      // a reserved word as a column label after AS; not a CAST's type, not a view's query
      "SELECT x AS default, y AS select FROM t|SELECT x AS \"default\", y AS \"select\" FROM t",
      "SELECT CAST(x AS DATE) AS date|SELECT CAST(x AS DATE) AS \"date\"",
      "SELECT (SELECT 1 AS update) AS u|SELECT (SELECT 1 AS \"update\") AS u",
      "CREATE VIEW v AS SELECT 1|CREATE VIEW v AS SELECT 1",
      // strings, quoted names and comments are never touched
      "SELECT 'distinct on (x)', \"interval\" FROM t|SELECT 'distinct on (x)', \"interval\" FROM t",
      "SELECT 1 -- interval '1 day'|SELECT 1 -- interval '1 day'",
      "SELECT /* distinct on (a) */ 1|SELECT /* distinct on (a) */ 1",
      "SELECT 'it''s interval ''1 day'''|SELECT 'it''s interval ''1 day'''",
      "SELECT E'\\' interval '1 day'|SELECT E'\\' interval '1 day'",
  })
  void rewritesOnlyWhatTheParserLacks(String sql, String expected) {
    assertEquals(expected, PostgresSyntax.adapt(sql).text());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // edited (line, column) -> original (line, column)
      "SELECT interval '1 day' + x FROM t|1|37|1|27",
      "SELECT interval '1 day' + x FROM t|1|8|1|8",
      "SELECT interval '1 day' + x FROM t|1|15|1|8",
      "SELECT a\\nFROM t WHERE d > interval '1 day' AND zz|2|49|2|39",
      "SELECT DISTINCT ON (a) b FROM t|1|26|1|26",
  })
  void positionsPointIntoTheUsersText(String sql, int line, int column, int originalLine,
      int originalColumn) {
    String text = sql.replace("\\n", "\n");
    assertArrayEquals(new int[] {originalLine, originalColumn},
        PostgresSyntax.adapt(text).edits().originalPosition(line, column));
  }
}
