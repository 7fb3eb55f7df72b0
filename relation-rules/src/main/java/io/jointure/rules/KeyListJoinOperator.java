package io.jointure.rules;

import io.jointure.adapter.KeyLookup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * The run-time side of a key-list join: reads the driving side, collects its distinct non-null
 * keys, asks the probe side's source for those keys only (in batches), and joins in memory.
 * Rows come out in the driving side's order.
 */
public final class KeyListJoinOperator {
  private final KeyLookup lookup;
  private final boolean driverIsLeft;
  private final int driverKey;
  private final int probeKey;
  private final int probeWidth;
  private final boolean keepUnmatched;
  private final int batchSize;

  KeyListJoinOperator(KeyLookup lookup, boolean driverIsLeft, int driverKey, int probeKey,
      int probeWidth, boolean keepUnmatched, int batchSize) {
    this.lookup = lookup;
    this.driverIsLeft = driverIsLeft;
    this.driverKey = driverKey;
    this.probeKey = probeKey;
    this.probeWidth = probeWidth;
    this.keepUnmatched = keepUnmatched;
    this.batchSize = batchSize;
  }

  /** Called by generated code. */
  public Enumerable<Object[]> join(Enumerable<Object[]> driver, DataContext context) {
    List<Object[]> driverRows = new ArrayList<>();
    Set<Object> keys = new LinkedHashSet<>();
    try (Enumerator<Object[]> rows = driver.enumerator()) {
      while (rows.moveNext()) {
        Object[] row = rows.current();
        driverRows.add(row);
        if (row[driverKey] != null) {
          keys.add(row[driverKey]);
        }
      }
    }
    Map<Object, List<Object[]>> probeRows = new HashMap<>();
    List<Object> batch = new ArrayList<>(Math.min(batchSize, keys.size()));
    for (Object key : keys) {
      batch.add(key);
      if (batch.size() == batchSize) {
        fetch(batch, context, probeRows);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      fetch(batch, context, probeRows);
    }
    List<Object[]> joined = new ArrayList<>();
    for (Object[] row : driverRows) {
      List<Object[]> matches = row[driverKey] == null ? null
          : probeRows.get(normalized(row[driverKey]));
      if (matches == null) {
        if (keepUnmatched) {
          joined.add(concat(row, new Object[probeWidth]));
        }
        continue;
      }
      for (Object[] match : matches) {
        joined.add(concat(row, match));
      }
    }
    return Linq4j.asEnumerable(joined);
  }

  private void fetch(List<Object> keys, DataContext context, Map<Object, List<Object[]>> into) {
    try (Enumerator<Object> rows = lookup.rowsWithKeys(context, keys).enumerator()) {
      while (rows.moveNext()) {
        Object[] row = (Object[]) rows.current();
        if (row[probeKey] != null) {
          into.computeIfAbsent(normalized(row[probeKey]), k -> new ArrayList<>()).add(row);
        }
      }
    }
  }

  private Object[] concat(Object[] driverRow, Object[] probeRow) {
    Object[] left = driverIsLeft ? driverRow : probeRow;
    Object[] right = driverIsLeft ? probeRow : driverRow;
    Object[] row = new Object[left.length + right.length];
    System.arraycopy(left, 0, row, 0, left.length);
    System.arraycopy(right, 0, row, left.length, right.length);
    return row;
  }

  /** Equal SQL values hash alike: an INTEGER 3, a BIGINT 3 and a DECIMAL 3.0 are one key. */
  private static Object normalized(Object key) {
    if (key instanceof Integer || key instanceof Long || key instanceof Short
        || key instanceof Byte) {
      return ((Number) key).longValue();
    }
    if (key instanceof BigDecimal d) {
      BigDecimal stripped = d.stripTrailingZeros();
      return stripped.scale() <= 0 && stripped.precision() - stripped.scale() < 19
          ? (Object) stripped.longValueExact() : stripped;
    }
    return key;
  }
}
