package io.jointure.adapter;

import java.util.List;
import org.apache.calcite.rel.RelNode;

/**
 * A source's planner convention whose operators can be asked for just the rows with given keys
 * ({@link KeyLookup}): what a key-list join needs of its probe side, whatever the kind of source.
 */
public interface KeyLookupConvention {
  /** Whether operators planned (or being planned) in this source can be probed on a column. */
  boolean canLookup(RelNode rel, int keyColumn);

  /** The lookup for planned operators, or null when a key column cannot take a key list. */
  KeyLookup keyLookup(RelNode rel, List<Integer> keyColumns);

  /**
   * Whether a key lookup can also read all the probe's rows in one request
   * ({@link KeyLookup#allRows}); an API asked by key cannot.
   */
  default boolean readsWhole() {
    return true;
  }

  /** Keys one request carries at most; a database takes a whole batch at once. */
  default int keysPerRequest(RelNode rel, List<Integer> keyColumns) {
    return Integer.MAX_VALUE;
  }

  /** Whether the source joins its own tables better than a key-list join would. */
  default boolean joinsItsOwnTables() {
    return true;
  }
}
