package io.jointure.sql.functions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Compiled formatting patterns ({@code to_char}, {@code to_timestamp}), kept so that a function
 * called for every row compiles its pattern once. Patterns are usually literals; one that comes
 * from a column could be new on every row, so the cache starts over when it holds too many.
 */
final class PatternCache<T> {
  private static final int MAX_PATTERNS = 256;

  private final Function<String, T> compile;
  private final Map<String, T> compiled = new ConcurrentHashMap<>();

  PatternCache(Function<String, T> compile) {
    this.compile = compile;
  }

  T get(String pattern) {
    T value = compiled.get(pattern);
    if (value == null) {
      if (compiled.size() >= MAX_PATTERNS) {
        compiled.clear();
      }
      value = compile.apply(pattern);
      compiled.put(pattern, value);
    }
    return value;
  }
}
