package io.jointure.adapter.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SingleLineSqlTest {
  @Test
  void joinsLinesBetweenTokens() {
    assertEquals("SELECT * FROM \"a\" INNER JOIN \"b\" ON TRUE OFFSET 1 ROWS",
        SingleLineSql.of("SELECT * FROM \"a\"\nINNER JOIN \"b\" ON TRUE\n  OFFSET 1 ROWS"));
  }

  @Test
  void keepsLineBreaksInsideLiteralsAndIdentifiers() {
    String sql = "SELECT 'it''s\nhere' AS \"two\nlines\"\nFROM t";
    assertEquals("SELECT 'it''s\nhere' AS \"two\nlines\" FROM t", SingleLineSql.of(sql));
  }
}
