package io.jointure.adapter.execution;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Rows an executor operator keeps in memory (a hash join's build side, a sort's input, a
 * nested loop's inner input), counted against the query's memory limit, with the query's stop
 * checked before each row. Called by generated code.
 */
public final class KeptRows {
  private KeptRows() {
  }

  /** The input's rows as they are, each counted as kept by the operator reading them. */
  public static <T> Enumerable<T> counted(Enumerable<T> input, DataContext context) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<T> enumerator() {
        QueryControl control = QueryControl.of(context);
        Enumerator<T> rows = input.enumerator();
        return new Enumerator<>() {
          @Override
          public T current() {
            return rows.current();
          }

          @Override
          public boolean moveNext() {
            control.check();
            if (!rows.moveNext()) {
              return false;
            }
            control.keep(rows.current());
            return true;
          }

          @Override
          public void reset() {
            rows.reset();
          }

          @Override
          public void close() {
            rows.close();
          }
        };
      }
    };
  }

  /**
   * The input read once, on the first enumeration, and kept: every later enumeration replays
   * the kept rows (checking the query's stop before each, as a nested loop replays them once per
   * outer row).
   */
  public static <T> Enumerable<T> replayed(Enumerable<T> input, DataContext context) {
    return new AbstractEnumerable<>() {
      private List<T> kept;
      /** Looked up once: a nested loop enumerates this again for every outer row. */
      private QueryControl control;

      @Override
      public Enumerator<T> enumerator() {
        if (control == null) {
          control = QueryControl.of(context);
        }
        QueryControl control = this.control;
        if (kept == null) {
          List<T> rows = new ArrayList<>();
          try (Enumerator<T> e = counted(input, context).enumerator()) {
            while (e.moveNext()) {
              rows.add(e.current());
            }
          }
          kept = rows;
        }
        List<T> rows = kept;
        return new Enumerator<>() {
          private int position = -1;

          @Override
          public T current() {
            return rows.get(position);
          }

          @Override
          public boolean moveNext() {
            control.check();
            return ++position < rows.size();
          }

          @Override
          public void reset() {
            position = -1;
          }

          @Override
          public void close() {
            // The rows stay kept for the next enumeration.
          }
        };
      }
    };
  }
}
