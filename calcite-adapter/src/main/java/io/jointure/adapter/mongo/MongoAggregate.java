package io.jointure.adapter.mongo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.util.ImmutableBitSet;
import org.bson.Document;

/**
 * A {@code $group} stage (and a {@code $project} that gives SQL's answers where MongoDB's
 * accumulators differ): COUNT(*), COUNT(x), COUNT(DISTINCT x), SUM, MIN, MAX, AVG, grouped by
 * plain or nested fields. Null and missing group keys form one group, as SQL's NULL does.
 */
public final class MongoAggregate extends Aggregate implements MongoRel {
  MongoAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet groupSet,
      List<AggregateCall> aggCalls) {
    super(cluster, traits, List.of(), input, groupSet, null, aggCalls);
  }

  @Override
  public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
      List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
    return new MongoAggregate(getCluster(), traitSet, input, groupSet, aggCalls);
  }

  /**
   * Whether MongoDB computes this aggregate as SQL would with the accumulators this class writes:
   * grouping and accumulating only fields MongoDB compares as SQL does; AVG only of floating-point
   * fields ({@code $avg} answers a double, where AVG of integers and decimals is an exact DECIMAL:
   * Calcite then divides a pushed SUM by a pushed COUNT instead).
   */
  static boolean canTranslate(Aggregate aggregate) {
    if (aggregate.getGroupType() != Group.SIMPLE || aggregate.getGroupSet().isEmpty()) {
      // Without GROUP BY, SQL answers one row even for no input; $group answers none.
      return false;
    }
    List<MongoField> fields = MongoRules.fieldsOf(aggregate.getInput());
    for (int key : aggregate.getGroupSet()) {
      if (!fields.get(key).groupable()) {
        return false;
      }
    }
    for (AggregateCall call : aggregate.getAggCallList()) {
      boolean counting = call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.COUNT
          && !call.isDistinct();
      if (!counting && !call.getArgList().isEmpty()
          && !fields.get(call.getArgList().get(0)).comparable()) {
        return false;
      }
      if (call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.AVG
          && !org.apache.calcite.sql.type.SqlTypeUtil.isApproximateNumeric(
              aggregate.getInput().getRowType().getFieldList().get(call.getArgList().get(0))
                  .getType())) {
        return false;
      }
    }
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (call.filterArg >= 0 || call.distinctKeys != null || !call.collation.getFieldCollations()
          .isEmpty() || call.getArgList().size() > 1) {
        return false;
      }
      switch (call.getAggregation().getKind()) {
        case COUNT:
          break;
        case SUM:
        case SUM0:
        case MIN:
        case MAX:
        case AVG:
          if (call.isDistinct() || call.getArgList().isEmpty()) {
            return false;
          }
          break;
        default:
          return false;
      }
    }
    return true;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    RelOptCost cost = super.computeSelfCost(planner, mq);
    return cost == null ? null : cost.multiplyBy(0.1);
  }

  @Override
  public void implement(MongoImplementor implementor) {
    implementor.visitInput((MongoRel) getInput());
    List<MongoField> in = implementor.fields;
    List<MongoField> out = new ArrayList<>();
    Document keys = new Document();
    List<RelDataTypeField> inputTypes = getInput().getRowType().getFieldList();
    for (int key : getGroupSet()) {
      String name = "g" + out.size();
      keys.append(name, ifNull(comparable(in.get(key).expression(),
          inputTypes.get(key).getType())));
      out.add(new MongoField("_id." + name, in.get(key).objectId(), in.get(key).comparable(),
          in.get(key).groupable()));
    }
    Document group = new Document("_id", keys);
    Document project = new Document("_id", 1);
    int i = 0;
    for (AggregateCall call : getAggCallList()) {
      String name = "a" + i++;
      String arg = call.getArgList().isEmpty() ? null : in.get(call.getArgList().get(0))
          .expression();
      switch (call.getAggregation().getKind()) {
        case COUNT -> {
          if (arg == null) {
            group.append(name, new Document("$sum", 1));
          } else if (call.isDistinct()) {
            group.append(name, new Document("$addToSet", comparable(arg,
                inputTypes.get(call.getArgList().get(0)).getType())));
            project.append(name, new Document("$size", new Document("$filter",
                new Document("input", "$" + name)
                    .append("cond", new Document("$ne", Arrays.asList("$$this", null))))));
            out.add(MongoField.computed(name));
            continue;
          } else {
            group.append(name, new Document("$sum", countIfPresent(arg)));
          }
        }
        case SUM, SUM0 -> {
          group.append(name, new Document("$sum", arg));
          if (call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.SUM) {
            // SQL's SUM of no values (or only nulls) is NULL; MongoDB's $sum is 0.
            group.append(name + "_n", new Document("$sum", countIfPresent(arg)));
            project.append(name, new Document("$cond", Arrays.asList(
                new Document("$eq", Arrays.asList("$" + name + "_n", 0)), null, "$" + name)));
            out.add(MongoField.computed(name));
            continue;
          }
        }
        case MIN -> group.append(name, new Document("$min", arg));
        case MAX -> group.append(name, new Document("$max", arg));
        case AVG -> group.append(name, new Document("$avg", arg));
        default -> throw new IllegalStateException("not translatable: " + call);
      }
      project.append(name, 1);
      out.add(MongoField.computed(name));
    }
    implementor.addStage("$group", group);
    implementor.addStage("$project", project);
    implementor.fields = out;
  }

  /**
   * A numeric field converted to its SQL column's type, so that values equal in SQL (an int 14
   * and a long 14 in one field) group and deduplicate as one.
   */
  private static Object comparable(String expression, RelDataType type) {
    String target = switch (type.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> "long";
      case DOUBLE, FLOAT, REAL -> "double";
      // DECIMAL: a real MongoDB already groups 14 and Decimal128 14 together; the in-process
      // test server cannot $convert to decimal.
      default -> null;
    };
    // A value that does not convert stays as it is, and reading it fails loudly.
    return target == null ? expression : new Document("$convert", new Document("input", expression)
        .append("to", target).append("onError", expression));
  }

  /** 1 where the expression has a value, 0 where it is null or missing. */
  private static Document countIfPresent(String expression) {
    return new Document("$cond", Arrays.asList(
        new Document("$eq", Arrays.asList(ifNull(expression), null)), 0, 1));
  }

  private static Document ifNull(Object expression) {
    return new Document("$ifNull", Arrays.asList(expression, null));
  }
}
