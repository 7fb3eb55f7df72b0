package io.jointure.adapter.mongo;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;
import org.immutables.value.Value;

/**
 * Pushes the translatable conjuncts of a filter into MongoDB as {@code $match}, keeping the
 * rest in Calcite above it; does nothing when no conjunct translates.
 */
@Value.Enclosing
public final class MongoFilterRule extends RelRule<MongoFilterRule.Config> {
  MongoFilterRule(Config config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    MongoConvention out = config.convention();
    MongoFilterTranslator probe = new MongoFilterTranslator(
        MongoRules.fieldsOf(filter.getInput()), filter.getCluster().getRexBuilder());
    List<RexNode> pushed = new ArrayList<>();
    List<RexNode> kept = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      (probe.translate(conjunct) != null ? pushed : kept).add(conjunct);
    }
    if (pushed.isEmpty()) {
      return;
    }
    RelNode input = convert(filter.getInput(),
        filter.getInput().getTraitSet().replace(out));
    RelNode mongoFilter = new MongoFilter(filter.getCluster(),
        filter.getTraitSet().replace(out), input,
        RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), pushed));
    if (kept.isEmpty()) {
      call.transformTo(mongoFilter);
    } else {
      RelBuilder builder = call.builder();
      call.transformTo(builder.push(mongoFilter).filter(kept).build());
    }
  }

  /** Rule configuration: the convention of the source the filter moves into. */
  @Value.Immutable
  public interface Config extends RelRule.Config {
    static Config of(MongoConvention convention) {
      return ImmutableMongoFilterRule.Config.builder()
          .convention(convention)
          .description("MongoFilterRule:" + convention.getName())
          .operandSupplier(b -> b.operand(LogicalFilter.class).anyInputs())
          .build();
    }

    MongoConvention convention();

    @Override
    default MongoFilterRule toRule() {
      return new MongoFilterRule(this);
    }
  }
}
