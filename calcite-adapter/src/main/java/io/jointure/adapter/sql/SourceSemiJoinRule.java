package io.jointure.adapter.sql;

import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Join;

/**
 * A semi-join or anti-join (EXISTS, IN, NOT EXISTS) whose two sides are in one SQL source runs
 * in that source, as {@code WHERE EXISTS (...)} / {@code WHERE NOT EXISTS (...)}: Calcite's JDBC
 * join rule refuses them (its comment predates SQL generation for them), and the source then
 * sent both whole sides to be joined in Jointure (TPC-H q21 read lineitem four times over).
 */
final class SourceSemiJoinRule extends JdbcRules.JdbcJoinRule {
  private SourceSemiJoinRule(ConverterRule.Config config) {
    super(config);
  }

  static SourceSemiJoinRule of(JdbcConvention out) {
    return ConverterRule.Config.INSTANCE
        .withConversion(Join.class, Convention.NONE, out, "SourceSemiJoinRule")
        .withRuleFactory(SourceSemiJoinRule::new)
        .toRule(SourceSemiJoinRule.class);
  }

  @Override
  public RelNode convert(RelNode rel) {
    Join join = (Join) rel;
    return switch (join.getJoinType()) {
      case SEMI, ANTI -> convert(join, true);
      default -> null; // Calcite's rule converts the other joins
    };
  }
}
