package io.jointure.adapter.rest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.rex.RexNode;

/**
 * What one listing of a REST collection asks the API for, beyond the collection itself.
 *
 * @param projection the table column of each output column
 * @param filters    table column to the values it must equal (literals or statement
 *                   parameters), sent as the column's filter parameter
 * @param fetch      records wanted at most, or null for all
 * @param sortColumn the table column the API sorts by, or -1
 * @param descending whether that sort is descending
 */
record RestScanSpec(List<Integer> projection, Map<Integer, List<RexNode>> filters, Long fetch,
    int sortColumn, boolean descending) {

  static RestScanSpec all(int columns) {
    return new RestScanSpec(java.util.stream.IntStream.range(0, columns).boxed().toList(),
        Map.of(), null, -1, false);
  }

  RestScanSpec withProjection(List<Integer> columns) {
    return new RestScanSpec(List.copyOf(columns), filters, fetch, sortColumn, descending);
  }

  RestScanSpec withFilters(Map<Integer, List<RexNode>> added) {
    Map<Integer, List<RexNode>> all = new TreeMap<>(filters);
    all.putAll(added);
    return new RestScanSpec(projection, Map.copyOf(all), fetch, sortColumn, descending);
  }

  RestScanSpec withFetch(long newFetch, int column, boolean desc) {
    return new RestScanSpec(projection, filters, newFetch, column, desc);
  }

  /** For EXPLAIN and the planner's digests: everything that makes two listings differ. */
  String describe() {
    return "columns=" + projection + (filters.isEmpty() ? "" : ", filters=" + new TreeMap<>(filters))
        + (fetch == null ? "" : ", fetch=" + fetch)
        + (sortColumn < 0 ? "" : ", sort=" + sortColumn + (descending ? " desc" : ""));
  }
}
