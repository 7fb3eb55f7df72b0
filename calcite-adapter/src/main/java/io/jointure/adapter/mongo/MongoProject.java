package io.jointure.adapter.mongo;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * A projection in MongoDB. Of fields only, it adds no stage of its own: it narrows the fields
 * the final {@code $project} keeps, so only the needed fields leave MongoDB. With expressions
 * MongoDB computes as SQL does ({@link MongoExpressions}), it is a {@code $project} stage
 * computing them.
 */
public final class MongoProject extends Project implements MongoRel {
  MongoProject(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      List<? extends RexNode> projects, RelDataType rowType) {
    super(cluster, traits, List.of(), input, projects, rowType, java.util.Set.of());
  }

  @Override
  public Project copy(RelTraitSet traitSet, RelNode input, List<RexNode> projects,
      RelDataType rowType) {
    return new MongoProject(getCluster(), traitSet, input, projects, rowType);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    RelOptCost cost = super.computeSelfCost(planner, mq);
    return cost == null ? null : cost.multiplyBy(0.1);
  }

  @Override
  public void implement(MongoImplementor implementor) {
    implementor.visitInput((MongoRel) getInput());
    List<MongoField> projected = new ArrayList<>();
    if (getProjects().stream().allMatch(p -> p instanceof RexInputRef)) {
      for (RexNode project : getProjects()) {
        projected.add(implementor.fields.get(((RexInputRef) project).getIndex()));
      }
      implementor.fields = projected;
      return;
    }
    MongoExpressions expressions = new MongoExpressions(implementor.fields);
    org.bson.Document stage = new org.bson.Document();
    for (RexNode project : getProjects()) {
      String name = "c" + projected.size();
      MongoExpressions.Translation translation = expressions.translate(project);
      if (translation == null) {
        throw new IllegalStateException("untranslatable expression reached MongoDB: " + project);
      }
      stage.append(name, translation.expression());
      boolean objectId = project instanceof RexInputRef ref
          && implementor.fields.get(ref.getIndex()).objectId();
      projected.add(new MongoField(name, objectId, translation.comparable(),
          translation.groupable()));
    }
    implementor.addStage("$project", stage);
    implementor.fields = projected;
  }
}
