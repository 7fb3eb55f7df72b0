package io.jointure.adapter;

import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.sql.SqlExplainLevel;

/**
 * What the bridges out of every source's convention (SQL, MongoDB) share: how rows leaving a
 * source are costed, when EXPLAIN can show the native request, and the generated code that runs
 * a prepared native query.
 */
public final class SourceBridges {
  /**
   * Rows leaving a source cost this many times a row processed inside it (transfer, conversion),
   * so the planner prefers plans that filter and aggregate in the source. (Calcite's JDBC bridge
   * makes them nearly free, which on small tables lets aggregates over joins stay in Calcite.)
   */
  static final double TRANSFER_COST = 2;

  /** Each column a row carries out of the source adds this share to its cost. */
  static final double COST_PER_COLUMN = 0.1;

  private SourceBridges() {
  }

  /**
   * The cost of a bridge out of a source: its rows, made dearer than work inside the source and
   * growing with the columns they carry, so that the planner also pushes narrowing projections.
   */
  public static RelOptCost transferCost(RelOptCost rows, RelNode bridge) {
    if (rows == null) {
      return null;
    }
    return rows.multiplyBy(TRANSFER_COST
        * (1 + COST_PER_COLUMN * transferredColumns(bridge.getInput(0))));
  }

  /** What {@code rows} rows of {@code columns} columns leaving a source cost, as at a bridge. */
  public static double transferCost(double rows, double columns) {
    return rows * TRANSFER_COST * (1 + COST_PER_COLUMN * columns);
  }

  /**
   * The columns whose information crosses the bridge: for a projection, the source columns its
   * expressions read. Twenty functions of two columns computed in the source cost as little to
   * carry as the two columns Jointure would otherwise compute them from, so the planner lets the
   * source compute them.
   */
  private static int transferredColumns(RelNode input) {
    RelNode rel = input instanceof RelSubset subset && subset.getOriginal() != null
        ? subset.getOriginal() : input;
    int fields = input.getRowType().getFieldCount();
    if (rel instanceof Project project) {
      int read = RelOptUtil.InputFinder.bits(project.getProjects(), null).cardinality();
      return Math.max(1, Math.min(fields, read));
    }
    return fields;
  }

  /**
   * Whether EXPLAIN output may include the native request: the planner also explains (for digests
   * and debug dumps) while operators below are still sets of alternatives.
   */
  public static boolean canShowRequest(RelWriter writer, RelNode input) {
    return writer.getDetailLevel() != SqlExplainLevel.DIGEST_ATTRIBUTES && isFinal(input);
  }

  private static boolean isFinal(RelNode rel) {
    if (rel instanceof RelSubset || rel instanceof org.apache.calcite.plan.hep.HepRelVertex) {
      return false;
    }
    for (RelNode input : rel.getInputs()) {
      if (!isFinal(input)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Generated code for a bridge: the prepared query object is stashed and its
   * {@code enumerable(DataContext)} called. Rows are Object[] (a bare value for one column),
   * whatever the consumer prefers; Calcite adapts the consumer to the declared physical type.
   *
   * @param query builds the query, given whether rows are single values
   */
  public static <Q> EnumerableRel.Result implement(EnumerableRelImplementor implementor,
      RelNode bridge, Function<Boolean, Q> query, Class<Q> queryClass) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), bridge.getRowType(),
        JavaRowFormat.ARRAY);
    Q prepared = query.apply(physType.getFormat() == JavaRowFormat.SCALAR);
    Expression stashed = implementor.stash(prepared, queryClass);
    BlockBuilder block = new BlockBuilder();
    block.add(Expressions.return_(null,
        Expressions.call(stashed, "enumerable", DataContext.ROOT)));
    return implementor.result(physType, block.toBlock());
  }
}
