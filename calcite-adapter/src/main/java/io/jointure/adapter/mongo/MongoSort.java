package io.jointure.adapter.mongo;

import java.util.Arrays;
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
 * {@code $sort}, {@code $skip} and {@code $limit}. MongoDB puts null and missing values first when
 * ascending and last when descending; where SQL asks otherwise (PostgreSQL's default: NULLS LAST
 * ascending, NULLS FIRST descending), a flag field computed by {@code $addFields} sorts first.
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
      Document flags = new Document();
      Document sort = new Document();
      for (RelFieldCollation field : collation.getFieldCollations()) {
        MongoField mongoField = implementor.fields.get(field.getFieldIndex());
        boolean descending = field.getDirection().isDescending();
        boolean nullable = getInput().getRowType().getFieldList().get(field.getFieldIndex())
            .getType().isNullable();
        boolean nullsAsMongo = descending
            ? field.nullDirection == RelFieldCollation.NullDirection.LAST
            : field.nullDirection == RelFieldCollation.NullDirection.FIRST;
        if (nullable && !nullsAsMongo) {
          String flag = "_jointure_null" + flags.size();
          flags.append(flag, new Document("$cond", Arrays.asList(new Document("$eq",
              Arrays.asList(new Document("$ifNull", Arrays.asList(mongoField.expression(), null)),
                  null)), 1, 0)));
          sort.append(flag, descending ? -1 : 1);
        }
        sort.append(mongoField.path(), descending ? -1 : 1);
      }
      if (!flags.isEmpty()) {
        implementor.addStage("$addFields", flags);
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
