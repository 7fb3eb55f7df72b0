package io.jointure.rules;

import io.jointure.adapter.BatchedEnumerator;
import io.jointure.adapter.KeyLookup;
import io.jointure.adapter.execution.QueryControl;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.core.JoinRelType;

/**
 * The run-time side of a key-list join: reads the driving side a batch at a time, asks the probe
 * side's source for the batch's distinct non-null keys only, and joins the batch in memory, so
 * memory holds one batch whatever the driving side's size. Rows come out in the driving side's
 * order. For SEMI and ANTI joins, driving rows come out once if they have a match (SEMI) or none
 * (ANTI), without probe columns.
 *
 * <p>The plan chose this join from an estimate of the driving side; the run knows its size. Past
 * {@code readWholePast} distinct keys (half the probe table's known rows), asking for the keys
 * costs more than reading the probe whole, which then happens once, in one request, and the
 * rest of the join runs against those rows in memory (counted against the memory limit). A
 * cached plan run with a filter value that selects more rows than planned for stays right.
 */
public final class KeyListJoinOperator {
  private final KeyLookup lookup;
  private final boolean driverIsLeft;
  private final int[] driverKeys;
  private final int[] probeKeys;
  private final int probeWidth;
  private final JoinRelType joinType;
  private final int batchSize;
  private final boolean scalarRows;
  private final long readWholePast;

  KeyListJoinOperator(KeyLookup lookup, boolean driverIsLeft, int[] driverKeys, int[] probeKeys,
      int probeWidth, JoinRelType joinType, int batchSize, boolean scalarRows,
      long readWholePast) {
    this.scalarRows = scalarRows;
    this.readWholePast = readWholePast;
    this.lookup = lookup;
    this.driverIsLeft = driverIsLeft;
    this.driverKeys = driverKeys;
    this.probeKeys = probeKeys;
    this.probeWidth = probeWidth;
    this.joinType = joinType;
    this.batchSize = batchSize;
  }

  /** Called by generated code: Object[] rows, or bare values when rows have one column. */
  public Enumerable<Object> join(Enumerable<Object[]> driver, DataContext context) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        Run run = new Run(context);
        Enumerator<Object[]> joined = new BatchedEnumerator<>(QueryControl.of(context),
            driver.enumerator(), batchSize, run::joinBatch);
        // Bare values when the output has one column (a SEMI or ANTI join of a one-column side).
        return Linq4j.transform(joined, row -> scalarRows ? row[0] : row);
      }
    };
  }

  /** One run of the join: the keys asked so far, and the probe's rows once read whole. */
  private final class Run {
    private final DataContext context;
    /** Distinct keys asked so far; at most {@code readWholePast} are held. */
    private final java.util.Set<Object> keysAsked = new java.util.HashSet<>();
    private Map<Object, List<Object[]>> wholeProbe;

    Run(DataContext context) {
      this.context = context;
    }

    /** Joins one batch of driving rows. */
    List<Object[]> joinBatch(List<Object[]> driverRows) {
      Map<Object, Object[]> keys = new LinkedHashMap<>();
      for (Object[] row : driverRows) {
        Object key = key(row, driverKeys);
        if (key != null) {
          keys.putIfAbsent(key, values(row, driverKeys));
        }
      }
      if (wholeProbe == null && readWholePast > 0) {
        for (Object key : keys.keySet()) {
          if (keysAsked.add(key) && keysAsked.size() > readWholePast) {
            wholeProbe = readWhole();
            keysAsked.clear();
            break;
          }
        }
      }
      if (wholeProbe != null) {
        return joinRows(driverRows, wholeProbe);
      }
      Map<Object, List<Object[]>> probeRows = new HashMap<>();
      if (!keys.isEmpty()) {
        fetch(new ArrayList<>(keys.values()), context, probeRows);
      }
      return joinRows(driverRows, probeRows);
    }

    /** The probe's rows by key, read in one request; null when its source lists by key only. */
    private Map<Object, List<Object[]>> readWhole() {
      Enumerable<Object> all = lookup.allRows(context);
      if (all == null) {
        return null;
      }
      QueryControl control = QueryControl.of(context);
      Map<Object, List<Object[]>> byKey = new HashMap<>();
      try (Enumerator<Object> rows = all.enumerator()) {
        while (rows.moveNext()) {
          Object[] row = (Object[]) rows.current();
          Object key = key(row, probeKeys);
          if (key != null) {
            control.keep(row);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
          }
        }
      }
      return byKey;
    }
  }

  /** Joins driving rows with the probe rows of their keys. */
  private List<Object[]> joinRows(List<Object[]> driverRows,
      Map<Object, List<Object[]>> probeRows) {
    List<Object[]> joined = new ArrayList<>();
    for (Object[] row : driverRows) {
      Object key = key(row, driverKeys);
      List<Object[]> matches = key == null ? null : probeRows.get(key);
      switch (joinType) {
        case SEMI -> {
          if (matches != null) {
            joined.add(row);
          }
        }
        case ANTI -> {
          if (matches == null) {
            joined.add(row);
          }
        }
        default -> {
          if (matches == null) {
            if (joinType == JoinRelType.LEFT) {
              joined.add(concat(row, new Object[probeWidth]));
            }
          } else {
            for (Object[] match : matches) {
              joined.add(concat(row, match));
            }
          }
        }
      }
    }
    return joined;
  }

  private void fetch(List<Object[]> keys, DataContext context,
      Map<Object, List<Object[]>> into) {
    try (Enumerator<Object> rows = lookup.rowsWithKeys(context, keys).enumerator()) {
      while (rows.moveNext()) {
        Object[] row = (Object[]) rows.current();
        Object key = key(row, probeKeys);
        if (key != null) {
          into.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
      }
    }
  }

  /**
   * A row's key for hashing: the normalized value of its one key column, or the list of them for
   * a composite key; null when a key column is null (which equals nothing in SQL).
   */
  private static Object key(Object[] row, int[] columns) {
    if (columns.length == 1) {
      return row[columns[0]] == null ? null : normalized(row[columns[0]]);
    }
    Object[] key = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      if (row[columns[i]] == null) {
        return null;
      }
      key[i] = normalized(row[columns[i]]);
    }
    return Arrays.asList(key);
  }

  /** The key columns' values as they are, for the request to the probe source. */
  private static Object[] values(Object[] row, int[] columns) {
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = row[columns[i]];
    }
    return values;
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
