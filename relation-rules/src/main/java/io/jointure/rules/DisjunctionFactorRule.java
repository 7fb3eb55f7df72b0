package io.jointure.rules;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.immutables.value.Value;

/**
 * Pulls the conjuncts that every branch of an OR shares out of it, in filters and join
 * conditions: {@code (p.k = l.k AND a) OR (p.k = l.k AND b)} becomes
 * {@code p.k = l.k AND (a OR b)} (TPC-H q19). The shared equality then makes the join an
 * equi-join Jointure runs by hash or key list, where Calcite would keep the whole OR as a
 * condition only a nested loop evaluates, reading one side again per row of the other; Calcite's
 * disjunction rules then derive each side's own filter from what remains of the OR.
 */
@Value.Enclosing
public final class DisjunctionFactorRule extends RelRule<DisjunctionFactorRule.Config> {
  public static final DisjunctionFactorRule FILTER = Config.FILTER.toRule();
  public static final DisjunctionFactorRule JOIN = Config.JOIN.toRule();

  private DisjunctionFactorRule(Config config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    if (call.rel(0) instanceof Filter filter) {
      RexNode factored = factored(filter.getCondition(), call);
      if (factored != null) {
        call.transformTo(filter.copy(filter.getTraitSet(), filter.getInput(), factored));
      }
    } else {
      Join join = call.rel(0);
      RexNode factored = factored(join.getCondition(), call);
      if (factored != null) {
        call.transformTo(join.copy(join.getTraitSet(), factored, join.getLeft(),
            join.getRight(), join.getJoinType(), join.isSemiJoinDone()));
      }
    }
  }

  /** The condition with its OR's common factors pulled out, or null when nothing changes. */
  private static RexNode factored(RexNode condition, RelOptRuleCall call) {
    RexNode factored = RexUtil.pullFactors(call.builder().getRexBuilder(), condition);
    return factored.equals(condition) ? null : factored;
  }

  private static boolean hasOr(RexNode condition) {
    return RexUtil.find(SqlKind.OR).anyContain(java.util.List.of(condition));
  }

  /** Rule configuration. */
  @Value.Immutable
  public interface Config extends RelRule.Config {
    Config FILTER = ImmutableDisjunctionFactorRule.Config.builder()
        .description("DisjunctionFactorRule:filter")
        .operandSupplier(b -> b.operand(LogicalFilter.class)
            .predicate(f -> hasOr(f.getCondition())).anyInputs())
        .build();

    Config JOIN = ImmutableDisjunctionFactorRule.Config.builder()
        .description("DisjunctionFactorRule:join")
        .operandSupplier(b -> b.operand(LogicalJoin.class)
            .predicate(j -> hasOr(j.getCondition())).anyInputs())
        .build();

    @Override
    default DisjunctionFactorRule toRule() {
      return new DisjunctionFactorRule(this);
    }
  }
}
