package io.jointure.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan cache keeps what its bounds allow, by entries and by estimated bytes, dropping the
 * least recently used plans first.
 */
class PlanCacheBoundsTest {
  private static PlanCache.Key key(String sql) {
    return new PlanCache.Key("model", List.of(), sql, -1, Object[].class);
  }

  /** Plans a statement whose generated code has {@code codeChars} characters. */
  private static void plan(PlanCache cache, String sql, long codeChars) {
    cache.plan(key(sql), () -> new PlanCache.Planned<>(null, codeChars));
  }

  @Test
  void bigPlansPushOutTheLeastRecentlyUsed() {
    PlanCache cache = new PlanCache(1000, 400_000);
    plan(cache, "a", 20_000);
    plan(cache, "b", 20_000);
    plan(cache, "c", 20_000);
    assertEquals(3, cache.size());
    plan(cache, "a", 0); // used again: "b" is now the eldest
    long hits = cache.hits();
    plan(cache, "d", 40_000);
    assertTrue(cache.bytes() <= 400_000, "within the bound: " + cache.bytes());
    plan(cache, "a", 0);
    assertEquals(hits + 1, cache.hits(), "the recently used plan stayed");
    long misses = cache.misses();
    plan(cache, "b", 0);
    assertEquals(misses + 1, cache.misses(), "the eldest went first");
  }

  @Test
  void entriesAreBoundedToo() {
    PlanCache cache = new PlanCache(2, Long.MAX_VALUE);
    plan(cache, "a", 1);
    plan(cache, "b", 1);
    plan(cache, "c", 1);
    assertEquals(2, cache.size());
    long misses = cache.misses();
    plan(cache, "a", 1);
    assertEquals(misses + 1, cache.misses(), "the first plan was dropped");
  }
}
