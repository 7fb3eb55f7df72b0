package io.jointure.model;

import java.util.List;
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
   * @param arguments  columns filtered by an argument the schema does not name after them, by
   *                   column: the argument's path ({@code filter.authorId},
   *                   {@code where.id._in})
   * @param orderBy    how the API orders the records as SQL does, if it can
   * @param records    where the records are in the field's value, dotted ({@code ""}: the value
   *                   is the list; {@code edges.node}: a Relay connection; {@code results})
   * @param schema     the columns, declared by hand (dotted for nested fields); empty: from
   *                   introspection
   * @param maxKeysPerRequest keys one request carries in a list argument ({@code ids})
   */
  public record GraphQlCollection(String name, String query, boolean hidden,
      Optional<String> primaryKey, OptionalDouble rowCount, Map<String, String> arguments,
      Optional<GraphQlOrderBy> orderBy, String records, List<DeclaredColumn> schema,
      int maxKeysPerRequest) {
    /** Declared by hand: its columns (and where its records are) come from the model. */
    public boolean declared() {
      return !schema.isEmpty();
    }
  }

  /**
   * An ordering argument ({@code orderBy}) and the value it takes for a column, each way: JSON
   * in which {@code {column}} stands for the column's name and {@code {COLUMN}} for it in upper
   * snake case ({@code {field: "{COLUMN}", direction: ASC}}, {@code ["{COLUMN}_DESC"]},
   * {@code {"{column}": desc}}).
   *
   * @param argument   the field's argument
   * @param ascending  its value for an ascending order, as JSON text
   * @param descending its value for a descending order, as JSON text
   * @param columns    the columns the API orders as SQL does (NULLs last ascending, first
   *                   descending)
   */
  public record GraphQlOrderBy(String argument, String ascending, String descending,
      List<String> columns) {
  }
}
