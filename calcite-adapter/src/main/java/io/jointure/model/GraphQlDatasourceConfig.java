package io.jointure.model;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A GraphQL API datasource ({@code type: graphql}), validated. Its tables are found by
 * introspection: each root Query field returning a list of objects or a Relay connection.
 *
 * @param name        the datasource's name, also its SQL schema name
 * @param url         the API's endpoint, POSTed to
 * @param http        headers, query parameters, timeout, retries and concurrency of its requests
 * @param depth       how deep nested objects become dotted columns ({@code author.name} is 2)
 * @param scalars     SQL types of the API's custom scalars ({@code DateTime: TIMESTAMP}); others
 *                    are VARCHAR
 * @param collections the model's word on tables, by table name: renamed, hidden, or keyed
 */
public record GraphQlDatasourceConfig(
    String name,
    String url,
    RestDatasourceConfig.HttpSettings http,
    int depth,
    Map<String, String> scalars,
    Map<String, GraphQlCollection> collections) implements DatasourceConfig {

  public static final int DEFAULT_DEPTH = 2;

  @Override
  public DatasourceType type() {
    return DatasourceType.GRAPHQL;
  }

  /**
   * One table's settings.
   *
   * @param name       the table's name
   * @param query      the root Query field it lists (default: the table's name)
   * @param hidden     left out of the schema
   * @param primaryKey the column identifying a record
   * @param rowCount   the planner's estimate of its records
   */
  public record GraphQlCollection(String name, String query, boolean hidden,
      Optional<String> primaryKey, OptionalDouble rowCount) {
  }
}
