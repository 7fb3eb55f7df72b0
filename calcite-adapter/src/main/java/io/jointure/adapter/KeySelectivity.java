package io.jointure.adapter;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Selectivity of a filter on a source table that knows its keys: {@code key = value} (or
 * {@code key = ?}) keeps one row. Calcite's guess (15% of the rows for any equality) would have
 * the planner take a lookup by key for a large side of a join. Source tables answer Calcite's selectivity question through
 * this (Calcite asks a table that implements its selectivity handler).
 */
public final class KeySelectivity {
  private KeySelectivity() {
  }

  public static Double of(RelNode scan, RelMetadataQuery mq, RexNode predicate) {
    if (predicate != null) {
      double selectivity = 1;
      boolean fixed = false;
      for (RexNode conjunct : RelOptUtil.conjunctions(predicate)) {
        if (!fixed && conjunct.getKind() == SqlKind.EQUALS
            && fixesKey((RexCall) conjunct, scan, mq)) {
          Double rows = mq.getRowCount(scan);
          selectivity *= rows == null || rows < 1 ? 1.0 : 1.0 / rows;
          fixed = true;
        } else {
          selectivity *= RelMdUtil.guessSelectivity(conjunct);
        }
      }
      return selectivity;
    }
    return RelMdUtil.guessSelectivity(predicate);
  }

  private static boolean fixesKey(RexCall equality, RelNode scan, RelMetadataQuery mq) {
    RexNode a = equality.getOperands().get(0);
    RexNode b = equality.getOperands().get(1);
    RexInputRef ref = a instanceof RexInputRef r && isValue(b) ? r
        : b instanceof RexInputRef r2 && isValue(a) ? r2 : null;
    return ref != null && scan.getTable() != null
        && scan.getTable().isKey(ImmutableBitSet.of(ref.getIndex()));
  }

  /** A literal, or a parameter (a statement's own, or a literal of a cached plan's text). */
  private static boolean isValue(RexNode node) {
    return node instanceof RexLiteral || node instanceof RexDynamicParam;
  }
}
