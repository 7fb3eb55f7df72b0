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
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.rel.core.JoinRelType;

/**
 * The run-time side of a key-list join: reads the driving side a batch at a time, asks the probe
 * side's source for the batch's distinct non-null keys only, and joins the batch in memory, so
 * memory holds one batch whatever the driving side's size. Rows come out in the driving side's
 * order. For SEMI and ANTI joins, driving rows come out once if they have a match (SEMI) or none
 * (ANTI), without probe columns.
 */
public final class KeyListJoinOperator {
  private final KeyLookup lookup;
  private final boolean driverIsLeft;
  private final int driverKey;
  private final int probeKey;
  private final int probeWidth;
  private final JoinRelType joinType;
  private final int batchSize;
  private final boolean scalarRows;

  KeyListJoinOperator(KeyLookup lookup, boolean driverIsLeft, int driverKey, int probeKey,
      int probeWidth, JoinRelType joinType, int batchSize, boolean scalarRows) {
    this.scalarRows = scalarRows;
    this.lookup = lookup;
    this.driverIsLeft = driverIsLeft;
    this.driverKey = driverKey;
    this.probeKey = probeKey;
    this.probeWidth = probeWidth;
    this.joinType = joinType;
    this.batchSize = batchSize;
  }

  /** Called by generated code: Object[] rows, or bare values when rows have one column. */
  public Enumerable<Object> join(Enumerable<Object[]> driver, DataContext context) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        return new BatchEnumerator(driver.enumerator(), context);
      }
    };
  }

  /** Joins one batch of driving rows. */
  private List<Object[]> joinBatch(List<Object[]> driverRows, DataContext context) {
    Set<Object> keys = new LinkedHashSet<>();
    for (Object[] row : driverRows) {
      if (row[driverKey] != null) {
        keys.add(row[driverKey]);
      }
    }
    Map<Object, List<Object[]>> probeRows = new HashMap<>();
    if (!keys.isEmpty()) {
      fetch(new ArrayList<>(keys), context, probeRows);
    }
    List<Object[]> joined = new ArrayList<>();
    for (Object[] row : driverRows) {
      List<Object[]> matches = row[driverKey] == null ? null
          : probeRows.get(normalized(row[driverKey]));
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

  /** Reads a batch of driving rows, joins it, hands out the joined rows, and so on. */
  private final class BatchEnumerator implements Enumerator<Object> {
    private final Enumerator<Object[]> driver;
    private final DataContext context;
    private List<Object[]> joined = List.of();
    private int position = -1;
    private boolean exhausted;

    BatchEnumerator(Enumerator<Object[]> driver, DataContext context) {
      this.driver = driver;
      this.context = context;
    }

    @Override
    public Object current() {
      Object[] row = joined.get(position);
      return scalarRows ? row[0] : row;
    }

    @Override
    public boolean moveNext() {
      while (position + 1 >= joined.size()) {
        if (exhausted) {
          return false;
        }
        List<Object[]> batch = new ArrayList<>();
        while (batch.size() < batchSize && driver.moveNext()) {
          batch.add(driver.current());
        }
        exhausted = batch.size() < batchSize;
        joined = batch.isEmpty() ? List.of() : joinBatch(batch, context);
        position = -1;
      }
      position++;
      return true;
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      driver.close();
    }
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
