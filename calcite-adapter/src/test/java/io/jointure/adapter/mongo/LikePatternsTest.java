package io.jointure.adapter.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LikePatternsTest {
  private static boolean matches(String like, char escape, String value) {
    return Pattern.compile(LikePatterns.toRegex(like, escape), Pattern.DOTALL).matcher(value)
        .matches();
  }

  @Test
  void wildcardsBecomeRegexWildcards() {
    assertEquals("^a.*b.\\z", LikePatterns.toRegex("a%b_", (char) 0));
    assertTrue(matches("a%b_", (char) 0, "a\nxxbz"));
    assertFalse(matches("a%b_", (char) 0, "xab1"));
  }

  @Test
  void regexMetacharactersMatchOnlyThemselves() {
    String like = "(.*+?)[{|}]^$\\/#-";
    assertTrue(matches(like, (char) 0, like));
    assertFalse(matches("a.c", (char) 0, "abc"));
  }

  @Test
  void escapedWildcardsAreLiteral() {
    assertTrue(matches("100!%", '!', "100%"));
    assertFalse(matches("100!%", '!', "1000"));
    assertThrows(IllegalArgumentException.class, () -> LikePatterns.toRegex("abc!", '!'));
  }
}
