package io.jointure.demo.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as {@link JsonApiServer} received it.
 *
 * @param path the decoded path
 * @param rawQuery the query string as sent, or null if there was none
 * @param query the decoded query parameters, in order, repeated parameters kept
 * @param headers lower-case header names, each with its first value
 */
public record RecordedRequest(
    String method,
    String path,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> query,
    Map<String, String> headers) {

  public RecordedRequest {
    Map<String, List<String>> queryCopy = new LinkedHashMap<>();
    query.forEach((name, values) -> queryCopy.put(name, List.copyOf(values)));
    query = Collections.unmodifiableMap(queryCopy);
    headers = Collections.unmodifiableMap(new TreeMap<>(headers));
  }
}
