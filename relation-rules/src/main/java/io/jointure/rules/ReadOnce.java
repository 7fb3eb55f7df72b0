package io.jointure.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.tools.Program;

/**
 * The inner input of a nested-loop join, read once and kept: Calcite's nested loop enumerates its
 * inner input again for every outer row, and over a source that is one source query per row
 * (TPC-H q19 ran for minutes). The rows are kept in memory as the join reads them the first time.
 */
public final class ReadOnce extends SingleRel implements EnumerableRel {
  /**
   * The program that makes a chosen plan's nested-loop joins read their inner input once; it runs
   * after the planner, as Calcite's nested loop is the only enumerable join that re-reads.
   */
  public static final Program INNER_INPUTS = (planner, rel, requiredOutputTraits,
      materializations, lattices) -> rel.accept(new RelHomogeneousShuttle() {
        @Override
        public RelNode visit(RelNode other) {
          RelNode visited = super.visit(other);
          if (visited instanceof EnumerableNestedLoopJoin join) {
            RelNode inner = join.getRight();
            return join.copy(join.getTraitSet(), List.of(join.getLeft(),
                new ReadOnce(inner.getCluster(), inner.getTraitSet(), inner)));
          }
          return visited;
        }
      });

  ReadOnce(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, traits, input);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ReadOnce(getCluster(), traitSet, sole(inputs));
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
    BlockBuilder block = new BlockBuilder();
    Expression rows = block.append("rows", input.block);
    block.add(Expressions.return_(null, Expressions.new_(Rows.class, rows)));
    PhysType physType = input.physType;
    return implementor.result(physType, block.toBlock());
  }

  /** The rows of an enumerable, read on the first enumeration and replayed after. */
  public static final class Rows<T> extends AbstractEnumerable<T> {
    private final Enumerable<T> source;
    private List<T> kept;

    public Rows(Enumerable<T> source) {
      this.source = source;
    }

    @Override
    public Enumerator<T> enumerator() {
      if (kept == null) {
        List<T> rows = new ArrayList<>();
        try (Enumerator<T> e = source.enumerator()) {
          while (e.moveNext()) {
            rows.add(e.current());
          }
        }
        kept = rows;
      }
      return Linq4j.enumerator(kept);
    }
  }
}
