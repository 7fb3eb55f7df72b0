package io.jointure.adapter.relations;

import io.jointure.model.JavaComputedField;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/** Runs {@link BatchFields} in Calcite's executor through a {@link BatchFieldsOperator}. */
public final class EnumerableBatchFields extends SingleRel implements EnumerableRel {
  private final List<JavaComputedField> fields;
  private final List<int[]> dependencies;

  EnumerableBatchFields(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      List<JavaComputedField> fields, List<int[]> dependencies) {
    super(cluster, traits, input);
    this.fields = fields;
    this.dependencies = dependencies;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EnumerableBatchFields(getCluster(), traitSet, sole(inputs), fields, dependencies);
  }

  @Override
  protected RelDataType deriveRowType() {
    return BatchFields.create(getInput(), fields, dependencies).getRowType();
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
    BlockBuilder block = new BlockBuilder();
    Expression rows = block.append("rows", input.block);
    Expression arrays = input.physType.convertTo(rows, JavaRowFormat.ARRAY);
    List<RelDataTypeField> inputFields = getInput().getRowType().getFieldList();
    List<RelDataType> outputTypes = getRowType().getFieldList().stream()
        .map(RelDataTypeField::getType).toList();
    BatchFieldsOperator operator = new BatchFieldsOperator(fields, dependencies,
        inputFields.stream().map(RelDataTypeField::getType).toList(),
        outputTypes.subList(inputFields.size(), outputTypes.size()));
    Expression stashed = implementor.stash(operator, BatchFieldsOperator.class);
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY);
    // The method is named, not looked up by the argument's static type (which may be any
    // Enumerable implementation).
    block.add(Expressions.return_(null, Expressions.call(stashed, BatchFieldsOperator.APPLY,
        Expressions.convert_(arrays, Enumerable.class), DataContext.ROOT)));
    return implementor.result(physType, block.toBlock());
  }
}
