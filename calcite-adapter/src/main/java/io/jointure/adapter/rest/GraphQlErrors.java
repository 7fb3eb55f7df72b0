package io.jointure.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointure.sql.errors.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * A GraphQL answer's {@code errors}: the query fails with the API's messages and paths, naming
 * the datasource and the field, also when the answer carries partial {@code data} (rows missing
 * from a result are a wrong result).
 */
final class GraphQlErrors {
  private GraphQlErrors() {
  }

  /**
   * The failure, and what the user can do about it ({@code "; declare ..."}), if anything; the
   * API's messages masked of the source's secrets (an API may echo a wrong key).
   */
  static RestException failure(RestSource source, String request, JsonNode errors, String hint) {
    List<String> messages = new ArrayList<>();
    for (JsonNode error : errors) {
      StringBuilder message = new StringBuilder(error.path("message").asText("(no message)"));
      JsonNode path = error.get("path");
      if (path != null && path.isArray() && !path.isEmpty()) {
        List<String> parts = new ArrayList<>();
        path.forEach(p -> parts.add(p.asText()));
        message.append(" (at ").append(String.join(".", parts)).append(')');
      }
      messages.add(message.toString());
      if (messages.size() == 3) {
        break;
      }
    }
    return new RestException(ErrorCode.EXTERNAL_ROUTINE_EXCEPTION, source.name(), request,
        "the GraphQL API answered " + errors.size() + " error" + (errors.size() == 1 ? "" : "s")
            + ": " + source.requester().redacted(String.join("; ", messages)) + hint, null);
  }
}
