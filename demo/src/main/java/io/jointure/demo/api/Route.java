package io.jointure.demo.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** A GET path template like "/cities/{id}/honorary-citizens" and the handler that answers it. */
final class Route {
  private final String[] segments;
  private final BiFunction<Map<String, String>, Map<String, List<String>>, Object> handler;

  Route(String template, BiFunction<Map<String, String>, Map<String, List<String>>, Object> handler) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("a path template starts with '/': " + template);
    }
    this.segments = template.split("/", -1);
    this.handler = handler;
  }

  /** The decoded path variables if the raw path matches the template, else null. */
  Map<String, String> match(String rawPath) {
    // Split before decoding, so that an encoded '/' stays inside its variable.
    String[] parts = rawPath.split("/", -1);
    if (parts.length != segments.length) {
      return null;
    }
    Map<String, String> variables = new LinkedHashMap<>();
    for (int i = 0; i < parts.length; i++) {
      // In a path, '+' is a plus, not a space.
      String value = QueryString.decode(parts[i].replace("+", "%2B"));
      String segment = segments[i];
      if (segment.startsWith("{") && segment.endsWith("}")) {
        variables.put(segment.substring(1, segment.length() - 1), value);
      } else if (!segment.equals(value)) {
        return null;
      }
    }
    return variables;
  }

  /** The handler's answer, or null for 404. */
  Object answer(Map<String, String> variables, Map<String, List<String>> query) {
    return handler.apply(variables, query);
  }
}
