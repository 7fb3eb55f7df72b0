package io.jointure.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The records of an External relation: fetched per origin row from a URL template over the
 * origin's columns ({@code https://api.mytown.com/cities/{id}/honorary-citizen}), or computed by
 * a Java function of those columns (the seeds' {@code listRecords}).
 *
 * @param keyColumns the origin columns the records depend on (the template's variables)
 * @param schema     the records' columns
 * @param url        the URL template, for records fetched over HTTP
 * @param records    JSON pointer to the records in a response ({@code ""}: the response is the
 *                   array, or a single object)
 * @param headers    sent with every request (values are secrets)
 * @param function   the Java function, for records computed in Java
 */
public record ExternalTarget(
    List<String> keyColumns,
    List<DeclaredColumn> schema,
    Optional<String> url,
    String records,
    Map<String, String> headers,
    Optional<Function<Row, List<Row>>> function) {

  /** Secrets stay out of logs and messages. */
  @Override
  public String toString() {
    return "ExternalTarget[keyColumns=" + keyColumns + ", url=" + url.orElse("(java)") + "]";
  }
}
