package io.jointure.adapter.relations;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;
import org.immutables.value.Value;

/**
 * Moves the parts of a filter that do not read Java computed fields below them, so the fields'
 * functions only run on rows that pass (and the filter can reach the source).
 */
@Value.Enclosing
public final class BatchFieldsFilterRule extends RelRule<BatchFieldsFilterRule.Config> {
  static final BatchFieldsFilterRule INSTANCE = Config.DEFAULT.toRule();

  private BatchFieldsFilterRule(Config config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    BatchFields fields = call.rel(1);
    ImmutableBitSet inputColumns =
        ImmutableBitSet.range(fields.getInput().getRowType().getFieldCount());
    List<RexNode> below = new ArrayList<>();
    List<RexNode> above = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      (inputColumns.contains(RelOptUtil.InputFinder.bits(conjunct)) ? below : above)
          .add(conjunct);
    }
    if (below.isEmpty()) {
      return;
    }
    RelNode pushed = fields.copy(fields.getTraitSet(),
        List.of(call.builder().push(fields.getInput()).filter(below).build()));
    call.transformTo(call.builder().push(pushed).filter(above).build());
  }

  /** Rule configuration. */
  @Value.Immutable
  public interface Config extends RelRule.Config {
    Config DEFAULT = ImmutableBatchFieldsFilterRule.Config.builder()
        .description("BatchFieldsFilterRule")
        .operandSupplier(b -> b.operand(Filter.class).oneInput(
            b1 -> b1.operand(BatchFields.class).anyInputs()))
        .build();

    @Override
    default BatchFieldsFilterRule toRule() {
      return new BatchFieldsFilterRule(this);
    }
  }
}
