package io.jointure.adapter.mongo;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.bson.Document;

/**
 * {@code $sort}, {@code $skip} and {@code $limit}. Only created where MongoDB orders nulls as SQL
 * asked (MongoDB puts null and missing first when ascending, last when descending).
 */
public final class MongoSort extends Sort implements MongoRel {
  MongoSort(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelCollation collation,
      RexNode offset, RexNode fetch) {
    super(cluster, traits, input, collation, offset, fetch);
  }

  @Override
  public Sort copy(RelTraitSet traitSet, RelNode input, RelCollation collation, RexNode offset,
      RexNode fetch) {
    return new MongoSort(getCluster(), traitSet, input, collation, offset, fetch);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    RelOptCost cost = super.computeSelfCost(planner, mq);
    return cost == null ? null : cost.multiplyBy(0.05);
  }

  @Override
  public void implement(MongoImplementor implementor) {
    implementor.visitInput((MongoRel) getInput());
    if (!collation.getFieldCollations().isEmpty()) {
      Document sort = new Document();
      for (RelFieldCollation field : collation.getFieldCollations()) {
        sort.append(implementor.fields.get(field.getFieldIndex()).path(),
            field.getDirection().isDescending() ? -1 : 1);
      }
      implementor.addStage("$sort", sort);
    }
    if (offset != null) {
      implementor.addStage("$skip", RexLiteral.intValue(offset));
    }
    if (fetch != null) {
      implementor.addStage("$limit", RexLiteral.intValue(fetch));
    }
  }
}
