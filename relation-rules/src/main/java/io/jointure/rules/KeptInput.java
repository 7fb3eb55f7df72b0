package io.jointure.rules;

import io.jointure.adapter.execution.KeptRows;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.adapter.enumerable.EnumerableWindow;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.tools.Program;

/**
 * The input of an executor operator that keeps its rows in memory: a hash join's build side, a
 * sort's or a window's input, and a nested loop's inner input. The rows count against the
 * query's memory limit ({@code maxMemory}, SQLSTATE 53200) and the query's stop is checked
 * before each ({@link KeptRows}).
 *
 * <p>A nested loop's inner input is also <em>replayed</em>: Calcite's nested loop enumerates it
 * again for every outer row, and over a source that is one source query per row (TPC-H q19 ran
 * for minutes), so it is read once and kept.
 */
public final class KeptInput extends SingleRel implements EnumerableRel {
  private static final Method COUNTED = Types.lookupMethod(KeptRows.class, "counted",
      Enumerable.class, DataContext.class);
  private static final Method REPLAYED = Types.lookupMethod(KeptRows.class, "replayed",
      Enumerable.class, DataContext.class);

  /**
   * The program that marks the kept inputs of a chosen plan; it runs after the planner, as the
   * inputs are known only once the operators are.
   */
  public static final Program GUARDS = (planner, rel, requiredOutputTraits,
      materializations, lattices) -> rel.accept(new RelHomogeneousShuttle() {
        @Override
        public RelNode visit(RelNode other) {
          RelNode visited = super.visit(other);
          if (visited instanceof EnumerableNestedLoopJoin join) {
            return withKept(join, 1, true);
          }
          if (visited instanceof EnumerableHashJoin join) {
            return withKept(join, 1, false); // linq4j builds its lookup from the inner input
          }
          if (visited instanceof EnumerableSort sort && sort.fetch == null) {
            return withKept(sort, 0, false);
          }
          if (visited instanceof EnumerableWindow window) {
            return withKept(window, 0, false);
          }
          return visited;
        }
      });

  private final boolean replayed;

  KeptInput(RelOptCluster cluster, RelTraitSet traits, RelNode input, boolean replayed) {
    super(cluster, traits, input);
    this.replayed = replayed;
  }

  private static RelNode withKept(RelNode operator, int input, boolean replayed) {
    List<RelNode> inputs = new ArrayList<>(operator.getInputs());
    RelNode kept = inputs.get(input);
    inputs.set(input, new KeptInput(kept.getCluster(), kept.getTraitSet(), kept, replayed));
    return operator.copy(operator.getTraitSet(), inputs);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new KeptInput(getCluster(), traitSet, sole(inputs), replayed);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).itemIf("replayed", true, replayed);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
    BlockBuilder block = new BlockBuilder();
    Expression rows = block.append("rows", input.block);
    block.add(Expressions.return_(null,
        Expressions.call(replayed ? REPLAYED : COUNTED, rows, DataContext.ROOT)));
    return implementor.result(input.physType, block.toBlock());
  }
}
