package io.jointure.adapter.relations;

import io.jointure.model.JavaComputedField;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;
import org.immutables.value.Value;

/**
 * Drops the Java computed fields a query does not read, so their functions do not run at all.
 */
@Value.Enclosing
public final class BatchFieldsProjectRule extends RelRule<BatchFieldsProjectRule.Config> {
  static final BatchFieldsProjectRule INSTANCE = Config.DEFAULT.toRule();

  private BatchFieldsProjectRule(Config config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Project project = call.rel(0);
    BatchFields fields = call.rel(1);
    int width = fields.getInput().getRowType().getFieldCount();
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
    List<JavaComputedField> kept = new ArrayList<>();
    List<int[]> keptDependencies = new ArrayList<>();
    int total = fields.getRowType().getFieldCount();
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, total,
        width + fields.fields.size());
    for (int i = 0; i < width; i++) {
      mapping.set(i, i);
    }
    for (int f = 0; f < fields.fields.size(); f++) {
      if (used.get(width + f)) {
        mapping.set(width + f, width + kept.size());
        kept.add(fields.fields.get(f));
        keptDependencies.add(fields.dependencies.get(f));
      }
    }
    if (kept.size() == fields.fields.size()) {
      return;
    }
    RelNode below = kept.isEmpty() ? fields.getInput()
        : BatchFields.create(fields.getInput(), kept, keptDependencies);
    List<RexNode> projects = new ArrayList<>();
    for (RexNode expression : project.getProjects()) {
      projects.add(expression.accept(new RexPermuteInputsShuttle(mapping, below)));
    }
    call.transformTo(call.builder().push(below)
        .project(projects, project.getRowType().getFieldNames(), true).build());
  }

  /** Rule configuration. */
  @Value.Immutable
  public interface Config extends RelRule.Config {
    Config DEFAULT = ImmutableBatchFieldsProjectRule.Config.builder()
        .description("BatchFieldsProjectRule")
        .operandSupplier(b -> b.operand(Project.class).oneInput(
            b1 -> b1.operand(BatchFields.class).anyInputs()))
        .build();

    @Override
    default BatchFieldsProjectRule toRule() {
      return new BatchFieldsProjectRule(this);
    }
  }
}
