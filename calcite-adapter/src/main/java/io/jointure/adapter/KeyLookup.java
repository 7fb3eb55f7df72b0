package io.jointure.adapter;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

/**
 * A source query that can be asked for just the rows whose key columns hold one of a list of
 * keys, in one native request (PostgreSQL {@code = ANY(?)} with one array parameter per key
 * column, MongoDB {@code $in}): the probe side of a key-list join.
 */
public interface KeyLookup {
  /**
   * @param keys distinct keys, each one value per key column (none null), in Calcite's internal
   *     representation
   * @return the query's rows (Object[] or, for one column, the bare value) with those keys
   */
  Enumerable<Object> rowsWithKeys(DataContext context, List<Object[]> keys);

  /**
   * All the query's rows, without the key restriction, in one request; null when the source can
   * only be asked by key (an API's {@code /items/{id}}). A key-list join whose driving side turns
   * out to hold most of the probe's keys reads it whole instead.
   */
  default Enumerable<Object> allRows(DataContext context) {
    return null;
  }

  /** The native request, with the key list shown as a placeholder, for EXPLAIN. */
  String describe();
}
