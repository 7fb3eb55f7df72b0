package io.jointure.adapter.request;

import java.util.List;

/**
 * One native request a source received: the SQL text (or pipeline, or HTTP request) as sent, the
 * bound parameter values, and how many rows came back.
 *
 * @param source     datasource name
 * @param text       the native request, with {@code ?} where values are bound
 * @param parameters bound values, in order
 * @param rows       rows read from the source; -1 when the request failed
 */
public record SourceRequest(String source, String text, List<Object> parameters, long rows) {
  @Override
  public String toString() {
    return source + ": " + text + (parameters.isEmpty() ? "" : " " + parameters)
        + (rows < 0 ? " -> failed" : " -> " + rows + " rows");
  }
}
