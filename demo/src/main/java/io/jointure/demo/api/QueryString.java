package io.jointure.demo.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A request's query string, kept both as sent (to split list values, to build links) and decoded. */
final class QueryString {
  /** One parameter: its text as sent, its decoded name, its value as sent ("" without '='). */
  private record Param(String text, String name, String rawValue) {}

  private final List<Param> params = new ArrayList<>();
  private final Map<String, List<String>> decoded = new LinkedHashMap<>();

  private QueryString(String rawQuery) {
    if (rawQuery == null) {
      return;
    }
    for (String text : rawQuery.split("&")) {
      if (text.isEmpty()) {
        continue;
      }
      int eq = text.indexOf('=');
      String name = decode(eq < 0 ? text : text.substring(0, eq));
      String rawValue = eq < 0 ? "" : text.substring(eq + 1);
      params.add(new Param(text, name, rawValue));
      decoded.computeIfAbsent(name, n -> new ArrayList<>()).add(decode(rawValue));
    }
  }

  static QueryString parse(String rawQuery) {
    return new QueryString(rawQuery);
  }

  /** Decoded names to decoded values, in order (shared: do not modify). */
  Map<String, List<String>> decoded() {
    return Collections.unmodifiableMap(decoded);
  }

  /** Every decoded value of the parameter, in order; empty if absent. */
  List<String> all(String name) {
    return decoded.getOrDefault(name, List.of());
  }

  /** The first decoded value of the parameter, or null if absent. */
  String first(String name) {
    List<String> values = all(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** Every value of the parameter as sent, still encoded. */
  List<String> rawValues(String name) {
    return params.stream().filter(p -> p.name().equals(name)).map(Param::rawValue).toList();
  }

  /** The query string as sent, without the parameter. */
  String rawWithout(String name) {
    return params.stream()
        .filter(p -> !p.name().equals(name))
        .map(Param::text)
        .collect(Collectors.joining("&"));
  }

  /** Decodes a form-encoded text ('+' is a space). */
  static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // The JDK server already rejects malformed escapes in the request line; keep anything else as sent.
      return text;
    }
  }
}
