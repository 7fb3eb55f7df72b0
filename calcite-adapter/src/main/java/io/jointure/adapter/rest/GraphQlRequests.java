package io.jointure.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jointure.adapter.execution.QueryControl;

/**
 * The GraphQL requests of a source: a document and its variables POSTed as JSON through the
 * source's requester (its headers, query parameters, timeout, retries and concurrency), and the
 * answer's {@code errors} turned into a failure.
 */
final class GraphQlRequests {
  static final ObjectMapper JSON = new ObjectMapper();

  private GraphQlRequests() {
  }

  /** The whole answer ({@code data} and maybe {@code errors}); an HTTP failure throws. */
  static JsonNode post(RestSource source, String url, String document, ObjectNode variables,
      QueryControl control) {
    ObjectNode request = JSON.createObjectNode();
    request.put("query", document);
    if (variables != null) {
      request.set("variables", variables);
    }
    return source.requester().post(RestUrl.of(url, source.secretParameters()),
        request.toString(), control);
  }

  /** Whether the answer carries errors. */
  static boolean failed(JsonNode answer) {
    JsonNode errors = answer.get("errors");
    return errors != null && errors.isArray() && !errors.isEmpty();
  }

  /**
   * The answer's {@code data}; a failure with the API's messages when it carries errors, also
   * beside partial data (rows missing from a result would be a wrong result).
   *
   * @param what names the request in the message ({@code books}, {@code introspection})
   * @param hint what the user can do, appended to the message ({@code "; ..."}), or empty
   */
  static JsonNode data(RestSource source, String url, JsonNode answer, String what,
      String hint) {
    if (failed(answer)) {
      throw GraphQlErrors.failure(source, "POST " + RestUrl.of(url, source.secretParameters())
          .shown() + " (" + what + ")", answer.get("errors"), hint);
    }
    return answer.path("data");
  }
}
