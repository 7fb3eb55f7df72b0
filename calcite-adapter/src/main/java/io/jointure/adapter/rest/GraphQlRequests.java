package io.jointure.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jointure.adapter.execution.QueryControl;
import io.jointure.adapter.request.SourceRequest;
import java.util.List;
import java.util.Map;

/**
 * The GraphQL requests of a source: a document and its variables POSTed as JSON through the
 * source's requester (its headers, query parameters, timeout, retries and concurrency), SQL
 * values as variables, and the answer's {@code errors} turned into a failure; and the one
 * request of an External relation's document.
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

  /**
   * A value as a variable: numbers, booleans and strings as they are; dates, times and
   * timestamps as ISO text (their internal forms are day and millisecond counts), timestamps
   * as the instants they were read from ({@code 2005-06-07T10:00:00Z}), as APIs' DateTime
   * scalars take them.
   */
  static JsonNode variableValue(Object value, org.apache.calcite.sql.type.SqlTypeName type) {
    return switch (type) {
      case DATE, TIME -> JSON.getNodeFactory().textNode(JsonValues.parameterText(value, type));
      // an API's instants are read as the session's wall-clock times: sent back as instants
      case TIMESTAMP -> JSON.getNodeFactory().textNode(value instanceof Number millis
          ? io.jointure.sql.values.SqlValues.instant(millis.longValue()).toString()
          : String.valueOf(value));
      default -> JSON.valueToTree(value instanceof Number || value instanceof Boolean
          || value instanceof String ? value : String.valueOf(value));
    };
  }

  /**
   * The records of one answer to an External relation's document, its variables the origin's
   * values: the array (or the one object) at the relation's JSON pointer; none when null.
   */
  static List<JsonNode> records(RestSource source, RestCollection collection,
      RestCollection.GraphQlDocument graphQl, Map<Integer, List<Object>> listing,
      QueryControl control) {
    control.check();
    ObjectNode variables = JSON.createObjectNode();
    for (int i = 0; i < collection.keyColumns(); i++) {
      RestColumn key = collection.columns().get(i);
      variables.set(key.name(), variableValue(listing.get(i).get(0), key.type().name()));
    }
    JsonNode data = data(source, graphQl.url(), post(source, graphQl.url(), graphQl.document(),
        variables, control), "query", "");
    // records: a JSON pointer in the answer; without one, data's only field
    JsonNode at = !graphQl.records().isEmpty() ? JSON.createObjectNode().set("data", data)
        .at(graphQl.records()) : data.size() == 1 ? data.elements().next() : data;
    List<JsonNode> records = new java.util.ArrayList<>();
    if (at.isArray()) {
      at.forEach(records::add);
    } else if (at.isObject()) {
      records.add(at);
    }
    source.requestLog().record(new SourceRequest(source.name(), graphQl.document() + " "
        + variables, List.of(), records.size()));
    return records;
  }
}
