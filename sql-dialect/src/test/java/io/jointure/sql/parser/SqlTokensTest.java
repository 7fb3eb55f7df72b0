package io.jointure.sql.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Comments blanked where PostgreSQL sees them, parentheses matched in one pass. */
class SqlTokensTest {
  @Test
  void commentsAreBlankedAndEverythingElseStays() {
    // a line comment ends at a carriage return too, as in PostgreSQL; block comments nest
    String sql = "SELECT 'a -- b', \"/* c */\" -- tail\r, x\n/* block /* nested */ */ FROM t";
    String blanked = SqlTokens.withoutComments(sql);
    assertEquals(sql.length(), blanked.length());
    assertEquals("SELECT 'a -- b', \"/* c */\" , x FROM t", blanked.replaceAll("\\s+", " "));
    assertEquals("SELECT /*+ hint */ 1   ", SqlTokens.withoutComments("SELECT /*+ hint */ 1 --"));
  }

  @Test
  void closersMatchParenthesesAndBracketsInOnePass() {
    // tokens: f ( a [ 1 ] ) )
    assertArrayEquals(new int[] {-1, 6, -1, 5, -1, -1, -1, -1},
        SqlTokens.closers(SqlTokens.of("f(a[1]))")));
  }
}
