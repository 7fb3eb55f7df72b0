package io.jointure.model;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The records of an External relation: fetched per origin row from a URL template over the
 * origin's columns ({@code https://api.mytown.com/cities/{id}/honorary-citizen}), from a GraphQL
 * document POSTed to the URL with the origin's columns as its variables
 * ({@code query($id: ID!) { library(id: $id) { name } }}), or computed by a Java function of
 * those columns (the seeds' {@code listRecords}).
 *
 * @param keyColumns the origin columns the records depend on (the template's variables)
 * @param schema     the records' columns
 * @param url        the URL template, for records fetched over HTTP (a GraphQL API's endpoint)
 * @param graphQl    the GraphQL document, whose variables are origin columns; else a GET
 * @param records    JSON pointer to the records in a response ({@code ""}: the response is the
 *                   array, or a single object)
 * @param http       headers and query parameters (secrets), timeout, retries, concurrency
 * @param function   the Java function, for records computed in Java
 */
public record ExternalTarget(
    List<String> keyColumns,
    List<DeclaredColumn> schema,
    Optional<String> url,
    Optional<String> graphQl,
    String records,
    RestDatasourceConfig.HttpSettings http,
    Optional<Function<Row, List<Row>>> function) {

  /** Secrets stay out of logs and messages. */
  @Override
  public String toString() {
    return "ExternalTarget[keyColumns=" + keyColumns + ", url=" + url.orElse("(java)") + "]";
  }
}
