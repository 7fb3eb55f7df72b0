package io.jointure.adapter.mongo;

import io.jointure.adapter.PlannedNodes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.rules.AggregateExtractProjectRule;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * The rules that move operators into a MongoDB source's convention. Each checks that its operator
 * can be expressed in a pipeline before converting; what cannot stays in Calcite.
 */
public final class MongoRules {
  private MongoRules() {
  }

  static List<RelOptRule> rules(MongoConvention out) {
    return List.of(
        MongoFilterRule.Config.of(out).toRule(),
        MongoProjectRule.Config.of(out).toRule(),
        // An aggregate reading few fields of a collection gets a projection of just those, which
        // MongoProjectRule then moves into MongoDB (COUNT(*) fetches no field).
        AggregateExtractProjectRule.Config.DEFAULT
            .withOperandFor(LogicalAggregate.class, MongoTableScan.class)
            .withDescription("MongoAggregateExtractProjectRule:" + out.getName())
            .toRule(),
        ConverterRule.Config.INSTANCE
            .withConversion(Sort.class, MongoRules::isPushableSort, Convention.NONE, out,
                "MongoSortRule:" + out.getName())
            .withRuleFactory(SortRule::new).toRule(SortRule.class),
        ConverterRule.Config.INSTANCE
            .withConversion(LogicalAggregate.class, MongoAggregate::canTranslate,
                Convention.NONE, out, "MongoAggregateRule:" + out.getName())
            .withRuleFactory(AggregateRule::new).toRule(AggregateRule.class),
        ConverterRule.Config.INSTANCE
            .withConversion(RelNode.class, out, EnumerableConvention.INSTANCE,
                "MongoToEnumerableConverterRule:" + out.getName())
            .withRuleFactory(ToEnumerableRule::new).toRule(ToEnumerableRule.class));
  }

  /**
   * What the planner knows, before any pipeline is built, about the fields of an operator that
   * would run in MongoDB: for a column of a collection, whether it holds ObjectIds and whether
   * MongoDB compares its values as SQL does ({@link MongoColumn}); anything computed is a plain
   * value. Follows the operators that can run in MongoDB down to the collection.
   */
  static List<MongoField> fieldsOf(RelNode rel) {
    rel = PlannedNodes.concrete(rel);
    if (rel instanceof TableScan scan && scan.getTable().unwrap(MongoTable.class) != null) {
      List<MongoField> fields = new ArrayList<>();
      for (MongoColumn column : scan.getTable().unwrap(MongoTable.class).info().columns()) {
        fields.add(new MongoField(column.path(), column.objectIds(), column.comparable()));
      }
      return fields;
    }
    if (rel instanceof Filter || rel instanceof Sort) {
      return fieldsOf(rel.getInput(0));
    }
    if (rel instanceof Project project) {
      List<MongoField> input = fieldsOf(project.getInput());
      List<MongoField> fields = new ArrayList<>();
      MongoExpressions expressions = new MongoExpressions(input);
      for (RexNode expression : project.getProjects()) {
        MongoExpressions.Translation translation = expression instanceof RexInputRef ? null
            : expressions.translate(expression);
        fields.add(expression instanceof RexInputRef ref ? input.get(ref.getIndex())
            : translation == null ? MongoField.computed("expr")
            : new MongoField("expr", false, translation.comparable(), translation.groupable()));
      }
      return fields;
    }
    if (rel instanceof Aggregate aggregate) {
      List<MongoField> input = fieldsOf(aggregate.getInput());
      List<MongoField> fields = new ArrayList<>();
      aggregate.getGroupSet().forEach(key -> fields.add(input.get(key)));
      aggregate.getAggCallList().forEach(call -> fields.add(MongoField.computed("agg")));
      return fields;
    }
    List<MongoField> fields = new ArrayList<>();
    for (int i = 0; i < rel.getRowType().getFieldCount(); i++) {
      fields.add(MongoField.computed("f" + i));
    }
    return fields;
  }

  /**
   * A sort MongoDB performs as SQL asks: on fields it orders as SQL does, with literal offset and
   * limit that fit its 32-bit counts (nulls are ordered by {@link MongoSort}).
   */
  private static boolean isPushableSort(Sort sort) {
    if (!fitsInt(sort.offset) || !fitsInt(sort.fetch)) {
      return false;
    }
    List<MongoField> fields = fieldsOf(sort.getInput());
    return sort.getCollation().getFieldCollations().stream()
        .allMatch(c -> fields.get(c.getFieldIndex()).comparable());
  }

  private static boolean fitsInt(RexNode node) {
    if (node == null) {
      return true;
    }
    if (!(node instanceof RexLiteral literal)) {
      return false;
    }
    java.math.BigDecimal value = literal.getValueAs(java.math.BigDecimal.class);
    return value != null && value.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
  }

  /** Sorts, offsets and limits. */
  static final class SortRule extends ConverterRule {
    SortRule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      Sort sort = (Sort) rel;
      return new MongoSort(sort.getCluster(), sort.getTraitSet().replace(out),
          convert(sort.getInput(), sort.getInput().getTraitSet().replace(out)
              .replace(org.apache.calcite.rel.RelCollations.EMPTY)),
          sort.getCollation(), sort.offset, sort.fetch);
    }
  }

  /** Grouped aggregates. */
  static final class AggregateRule extends ConverterRule {
    AggregateRule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      LogicalAggregate aggregate = (LogicalAggregate) rel;
      return new MongoAggregate(aggregate.getCluster(), aggregate.getTraitSet().replace(out),
          convert(aggregate.getInput(), aggregate.getInput().getTraitSet().replace(out)),
          aggregate.getGroupSet(), aggregate.getAggCallList());
    }
  }

  /** The bridge out of the source. */
  static final class ToEnumerableRule extends ConverterRule {
    ToEnumerableRule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      return new MongoToEnumerableConverter(rel.getCluster(),
          rel.getTraitSet().replace(getOutConvention()), rel);
    }
  }
}
