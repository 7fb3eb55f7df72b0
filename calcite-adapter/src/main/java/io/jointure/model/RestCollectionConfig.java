package io.jointure.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One collection of a REST datasource: where its records are and what the API can do for a query.
 *
 * @param name              the table's name
 * @param path              the path after the datasource's base URL, e.g. {@code /payments}
 * @param records           JSON pointer to the records' array in a response ({@code ""}: the
 *                          response is the array)
 * @param schema            declared columns (JSON field names, dotted for nested fields), or
 *                          empty to infer them from a sample
 * @param pagination        how to ask for the following pages
 * @param filters           columns the API filters on, by column name
 * @param limitParameter    query parameter capping the number of records, without pagination
 * @param sort              how to ask for sorted records, if the API can
 * @param primaryKey        the column that identifies a record, if any
 * @param rowCount          the planner's estimate of the collection's size, if known
 * @param maxKeysPerRequest keys sent in one list-filter request (URLs have a length limit)
 * @param modelPath         where it is declared in the model, for messages
 */
public record RestCollectionConfig(
    String name,
    String path,
    String records,
    Optional<List<DeclaredColumn>> schema,
    RestPagination pagination,
    Map<String, RestFilter> filters,
    Optional<String> limitParameter,
    Optional<RestSort> sort,
    Optional<String> primaryKey,
    OptionalLong rowCount,
    int maxKeysPerRequest,
    String modelPath) {

  public static final int DEFAULT_MAX_KEYS_PER_REQUEST = 100;
  public static final long DEFAULT_ROW_COUNT = 1000;

  /** How the API lists several values for one filter parameter. */
  public enum ListStyle {
    /** One value per request. */
    NONE,
    /** {@code ?id=1,2,3}. */
    COMMA,
    /** {@code ?id=1&id=2&id=3}. */
    REPEATED
  }

  /** A column the API filters on by equality: {@code ?<parameter>=<value>}. */
  public record RestFilter(String column, String parameter, ListStyle list) {
  }

  /**
   * Sorting by a column: {@code ?<parameter>=<column>}, or with {@code descendingPrefix} before
   * the column for descending order.
   */
  public record RestSort(String parameter, String descendingPrefix) {
  }
}
