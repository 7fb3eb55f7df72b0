package io.jointure.adapter.mongo;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;
import org.immutables.value.Value;

/**
 * Moves projections into MongoDB. A projection of plain fields, or of expressions MongoDB
 * computes as SQL does ({@code extract(year FROM at)}, {@code date_trunc('month', at)},
 * {@code length(name)}), becomes a {@link MongoProject}; one with other expressions keeps them in
 * Calcite, above a {@link MongoProject} of just the fields they read, so that only those fields
 * leave MongoDB ({@code SELECT upper(name)} fetches {@code name}; {@code SELECT COUNT(*)} fetches
 * no field at all).
 */
@Value.Enclosing
public final class MongoProjectRule extends RelRule<MongoProjectRule.Config> {
  MongoProjectRule(Config config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalProject project = call.rel(0);
    RelNode input = project.getInput();
    MongoConvention out = config.convention();
    RelNode mongoInput = convert(input, input.getTraitSet().replace(out));
    MongoExpressions expressions = new MongoExpressions(MongoRules.fieldsOf(input));
    if (project.getProjects().stream().allMatch(p -> p instanceof RexInputRef)
        || project.getProjects().stream().allMatch(p -> expressions.translate(p) != null)) {
      call.transformTo(new MongoProject(project.getCluster(), project.getTraitSet().replace(out),
          mongoInput, project.getProjects(), project.getRowType()));
      return;
    }
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
    int inputFields = input.getRowType().getFieldCount();
    if (used.cardinality() >= inputFields) {
      return; // nothing to narrow
    }
    List<RexNode> fields = new ArrayList<>();
    RelDataTypeFactory.Builder rowType = project.getCluster().getTypeFactory().builder();
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, inputFields,
        used.cardinality());
    for (int field : used) {
      mapping.set(field, fields.size());
      fields.add(RexInputRef.of(field, input.getRowType()));
      rowType.add(input.getRowType().getFieldList().get(field));
    }
    RelNode narrowed = new MongoProject(project.getCluster(), project.getTraitSet().replace(out),
        mongoInput, fields, rowType.build());
    List<RexNode> above = new ArrayList<>();
    for (RexNode expression : project.getProjects()) {
      above.add(expression.accept(new RexPermuteInputsShuttle(mapping, narrowed)));
    }
    // Built directly: RelBuilder would merge it back into the projection below.
    call.transformTo(LogicalProject.create(narrowed, project.getHints(), above,
        project.getRowType(), project.getVariablesSet()));
  }

  /** Rule configuration: the convention of the source the projection moves into. */
  @Value.Immutable
  public interface Config extends RelRule.Config {
    static Config of(MongoConvention convention) {
      return ImmutableMongoProjectRule.Config.builder()
          .convention(convention)
          .description("MongoProjectRule:" + convention.getName())
          .operandSupplier(b -> b.operand(LogicalProject.class).anyInputs())
          .build();
    }

    MongoConvention convention();

    @Override
    default MongoProjectRule toRule() {
      return new MongoProjectRule(this);
    }
  }
}
