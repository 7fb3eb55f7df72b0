package io.jointure.adapter.rest;

import io.jointure.model.RestCollectionConfig;
import io.jointure.model.Row;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A table backed by HTTP: its columns and where its records come from. The first
 * {@code keyColumns} columns of an External relation's records are not in the response: they are
 * the origin's values the request was made for.
 *
 * @param name       the table's name
 * @param columns    its columns, key columns first
 * @param keyColumns how many leading columns a request must be given values for
 * @param endpoint   where the records come from
 * @param rowCount   the planner's estimate of the number of records
 * @param primaryKey the column identifying a record, if declared
 */
record RestCollection(String name, List<RestColumn> columns, int keyColumns, Endpoint endpoint,
    double rowCount, Optional<String> primaryKey) {

  /** Where records come from. */
  sealed interface Endpoint
      permits ApiCollection, UrlTemplate, JavaFunction, GraphQlField, GraphQlDocument {
  }

  /** A collection of a {@code type: rest} datasource: paginated, maybe filterable. */
  record ApiCollection(String baseUrl, RestCollectionConfig config) implements Endpoint {
  }

  /**
   * An External relation's URL template: one request per key, {@code {column}} replaced by the
   * key's URL-encoded value; records at the JSON pointer (an array, or a single object).
   */
  record UrlTemplate(String template, String records) implements Endpoint {
  }

  /**
   * An External relation's GraphQL document: one POST per key, the key columns as its
   * variables (by name); records at the JSON pointer of the answer (an array or an object).
   */
  record GraphQlDocument(String url, String document, String records) implements Endpoint {
  }

  /** An External relation's Java function: records for one key. */
  record JavaFunction(Function<Row, List<Row>> function) implements Endpoint {
  }

  /**
   * A root Query field of a {@code type: graphql} datasource: its records, a page per request
   * (see {@link GraphQlPages}).
   *
   * @param url       the API's endpoint
   * @param field     the Query field
   * @param records   the fields from the field's value down to the list of records (none: the
   *                  value is the list)
   * @param relay     whether the value is a Relay connection: records at {@code edges { node }}
   * @param paging    how its pages are asked for
   * @param arguments the arguments that filter it, by the column they filter
   * @param order     how it orders its records as SQL does, if it can
   * @param maxKeysPerRequest keys one request carries in a list argument
   */
  record GraphQlField(String url, String field, List<String> records, boolean relay,
      GraphQlPaging paging, Map<String, GraphQlArgument> arguments, Optional<GraphQlOrder> order,
      int maxKeysPerRequest) implements Endpoint {
  }

  /**
   * An argument that filters a column: a value ({@code libraryId: ID}) or a list ({@code ids}),
   * maybe a field of an input object ({@code filter.available}).
   *
   * @param path the field's argument, then the input fields down to the value
   * @param type the value's type as GraphQL writes it, for the variable's declaration
   * @param list whether it takes a list of values
   * @param exact whether it filters as SQL's equality does (the model's arguments, and ids,
   *             integers, booleans and enums found by their names); else the API narrows the
   *             records and Calcite checks again
   * @param enumValues an enum's values (no other value can match); empty for other types
   */
  record GraphQlArgument(List<String> path, String type, boolean list, boolean exact,
      java.util.Set<String> enumValues) {
    /** The field's argument. */
    String argument() {
      return path.get(0);
    }
  }

  /**
   * The model's ordering argument: its value for a column each way is JSON in which
   * {@code {column}} is the column's name and {@code {COLUMN}} that name in upper snake case.
   *
   * @param argument   the field's argument
   * @param type       its type as GraphQL writes it, for the variable's declaration
   * @param ascending  its value for an ascending order
   * @param descending its value for a descending order
   * @param columns    the columns it orders as SQL does
   */
  record GraphQlOrder(String argument, String type, String ascending, String descending,
      List<String> columns) {
  }

  /**
   * How a field's records come page by page: a Relay connection ({@code first}, {@code after},
   * {@code edges { node }}, {@code pageInfo}), offsets ({@code limit}/{@code offset},
   * {@code first}/{@code skip}, {@code take}/{@code skip}), a size only, or one answer.
   *
   * @param kind       which
   * @param size       the argument of a page's size, or null
   * @param sizeType   its type as GraphQL writes it ({@code Int}, {@code Int!})
   * @param offset     the argument of where a page starts (the cursor, the offset), or null
   * @param offsetType its type
   */
  record GraphQlPaging(Kind kind, String size, String sizeType, String offset,
      String offsetType) {
    enum Kind { RELAY, OFFSET, SIZE, ONE }
  }

  /**
   * Whether the API filters this column exactly as SQL's equality does, so a pushed condition
   * leaves Calcite: REST's declared filters and the model's GraphQL arguments.
   */
  boolean filtersExactly(int column) {
    if (endpoint instanceof GraphQlField graphQl && column >= keyColumns) {
      GraphQlArgument argument = graphQl.arguments().get(columns.get(column).name());
      return argument != null && argument.exact();
    }
    return true;
  }

  /**
   * Whether a request can be made for this value of a filtered column: not for a value an enum
   * argument does not have, which no record can hold (and which the API would refuse).
   */
  boolean canMatch(int column, Object value) {
    if (endpoint instanceof GraphQlField graphQl && column >= keyColumns) {
      GraphQlArgument argument = graphQl.arguments().get(columns.get(column).name());
      return argument == null || argument.enumValues().isEmpty()
          || argument.enumValues().contains(String.valueOf(value));
    }
    return true;
  }

  /** Whether the API can order the records by a column as SQL does (the model lists it). */
  boolean sortable(int column) {
    if (column < keyColumns) {
      return false;
    }
    String name = columns.get(column).name();
    if (endpoint instanceof GraphQlField graphQl) {
      return graphQl.order().isPresent() && graphQl.order().get().columns().contains(name);
    }
    return endpoint instanceof ApiCollection api && api.config().sort().isPresent()
        && api.config().sort().get().columns().contains(name);
  }

  /** Whether a request needs values for the key columns (an External relation's records). */
  boolean needsKeys() {
    return keyColumns > 0;
  }

  /** How the API takes several values of a filterable column (a key: one per request). */
  RestCollectionConfig.ListStyle listStyle(int column) {
    if (endpoint instanceof GraphQlField graphQl) {
      GraphQlArgument argument = graphQl.arguments().get(columns.get(column).name());
      return argument != null && argument.list() ? RestCollectionConfig.ListStyle.REPEATED
          : RestCollectionConfig.ListStyle.NONE;
    }
    return endpoint instanceof ApiCollection api
        ? api.config().filters().get(columns.get(column).name()).list()
        : RestCollectionConfig.ListStyle.NONE;
  }

  /**
   * Keys one request can carry for these key columns: the collection's
   * {@code maxKeysPerRequest} when the API takes a list for the one key column, else 1.
   */
  int keysPerRequest(List<Integer> keyColumns) {
    if (keyColumns.size() != 1
        || listStyle(keyColumns.get(0)) == RestCollectionConfig.ListStyle.NONE) {
      return 1;
    }
    return endpoint instanceof ApiCollection api ? api.config().maxKeysPerRequest()
        : ((GraphQlField) endpoint).maxKeysPerRequest();
  }

  int columnIndex(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }
}
