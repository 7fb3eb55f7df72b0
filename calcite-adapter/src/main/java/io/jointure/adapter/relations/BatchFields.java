package io.jointure.adapter.relations;

import io.jointure.adapter.SqlTypeSpec;
import io.jointure.model.JavaComputedField;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Appends Java computed fields to its input's rows, computing them a batch of rows at a time
 * (logical form; {@link EnumerableBatchFields} runs it).
 */
public final class BatchFields extends SingleRel {
  final List<JavaComputedField> fields;
  /** For each field, the positions of its dependencies in the input row. */
  final List<int[]> dependencies;

  BatchFields(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      List<JavaComputedField> fields, List<int[]> dependencies) {
    super(cluster, traits, input);
    this.fields = fields;
    this.dependencies = dependencies;
  }

  static BatchFields create(RelNode input, List<JavaComputedField> fields,
      List<int[]> dependencies) {
    return new BatchFields(input.getCluster(), input.getTraitSet().replace(Convention.NONE),
        input, fields, dependencies);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new BatchFields(getCluster(), traitSet, sole(inputs), fields, dependencies);
  }

  @Override
  protected RelDataType deriveRowType() {
    RelDataTypeFactory factory = getCluster().getTypeFactory();
    RelDataTypeFactory.Builder row = factory.builder();
    for (RelDataTypeField field : getInput().getRowType().getFieldList()) {
      row.add(field);
    }
    for (JavaComputedField field : fields) {
      row.add(field.name(), factory.createTypeWithNullability(
          SqlTypeSpec.of(field.type()).toRelType(factory), true));
    }
    return row.build();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("fields",
        fields.stream().map(JavaComputedField::name).toList());
  }

  /** Its rules are registered by the node itself, as it only exists in Jointure. */
  @Override
  public void register(RelOptPlanner planner) {
    planner.addRule(ToEnumerableRule.INSTANCE);
    planner.addRule(BatchFieldsFilterRule.INSTANCE);
    planner.addRule(BatchFieldsProjectRule.INSTANCE);
  }

  /** Converts the logical node to {@link EnumerableBatchFields}. */
  static final class ToEnumerableRule extends ConverterRule {
    static final ToEnumerableRule INSTANCE = Config.INSTANCE
        .withConversion(BatchFields.class, Convention.NONE, EnumerableConvention.INSTANCE,
            "BatchFieldsToEnumerableRule")
        .withRuleFactory(ToEnumerableRule::new)
        .toRule(ToEnumerableRule.class);

    private ToEnumerableRule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      BatchFields fields = (BatchFields) rel;
      RelNode input = convert(fields.getInput(),
          fields.getInput().getTraitSet().replace(EnumerableConvention.INSTANCE));
      return new EnumerableBatchFields(rel.getCluster(),
          rel.getTraitSet().replace(EnumerableConvention.INSTANCE), input, fields.fields,
          fields.dependencies);
    }
  }
}
