package io.jointure.adapter.mongo;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;

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
        ConverterRule.Config.INSTANCE
            .withConversion(LogicalProject.class, MongoRules::isFieldProjection, Convention.NONE,
                out, "MongoProjectRule:" + out.getName())
            .withRuleFactory(ProjectRule::new).toRule(ProjectRule.class),
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

  private static boolean isFieldProjection(LogicalProject project) {
    return project.getProjects().stream().allMatch(p -> p instanceof RexInputRef);
  }

  /** A sort with literal offset and limit (nulls are ordered by {@link MongoSort}). */
  private static boolean isPushableSort(Sort sort) {
    return (sort.offset == null || sort.offset instanceof RexLiteral)
        && (sort.fetch == null || sort.fetch instanceof RexLiteral);
  }

  /** Field projections, which narrow what leaves MongoDB. */
  static final class ProjectRule extends ConverterRule {
    ProjectRule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      LogicalProject project = (LogicalProject) rel;
      return new MongoProject(project.getCluster(), project.getTraitSet().replace(out),
          convert(project.getInput(), project.getInput().getTraitSet().replace(out)),
          project.getProjects(), project.getRowType());
    }
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
