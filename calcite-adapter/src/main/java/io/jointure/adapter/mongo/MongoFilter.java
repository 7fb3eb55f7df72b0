package io.jointure.adapter.mongo;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.bson.Document;

/** A {@code $match} stage. Only created for conditions the translator accepts. */
public final class MongoFilter extends Filter implements MongoRel {
  MongoFilter(RelOptCluster cluster, RelTraitSet traits, RelNode input, RexNode condition) {
    super(cluster, traits, input, condition);
  }

  @Override
  public Filter copy(RelTraitSet traitSet, RelNode input, RexNode condition) {
    return new MongoFilter(getCluster(), traitSet, input, condition);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    RelOptCost cost = super.computeSelfCost(planner, mq);
    return cost == null ? null : cost.multiplyBy(0.1);
  }

  @Override
  public void implement(MongoImplementor implementor) {
    implementor.visitInput((MongoRel) getInput());
    Document match = new MongoFilterTranslator(implementor.fields,
        getCluster().getRexBuilder()).translate(condition);
    if (match == null) {
      throw new IllegalStateException("untranslatable condition reached MongoDB: " + condition);
    }
    implementor.addStage("$match", match);
  }
}
