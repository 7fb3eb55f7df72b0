package io.jointure.adapter.sql;

import io.jointure.adapter.KeyLookup;
import io.jointure.adapter.KeyLookupConvention;
import java.util.List;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverterRule;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql.SqlDialect;

/**
 * The planner convention of one SQL source: relational operators in it run inside that source as
 * one SQL query. It reuses Calcite's JDBC rules to push work down, and replaces Calcite's bridge
 * out of the source with {@link SourceToEnumerableConverter}, which binds values as parameters,
 * streams, and records what the source received.
 */
public final class SourceConvention extends JdbcConvention implements KeyLookupConvention {
  private final SqlSource source;

  SourceConvention(SqlSource source, SqlDialect dialect) {
    super(dialect, Expressions.constant(source.name()), source.name());
    this.source = source;
  }

  public SqlSource source() {
    return source;
  }

  /** A PostgreSQL source probes a key type it has arrays of. */
  @Override
  public boolean canLookup(RelNode rel, int keyColumn) {
    return SourceToEnumerableConverter.keyArrayType(this,
        rel.getRowType().getFieldList().get(keyColumn).getType()) != null;
  }

  @Override
  public KeyLookup keyLookup(RelNode rel, List<Integer> keyColumns) {
    return SourceToEnumerableConverter.keyLookup(rel, keyColumns);
  }

  @Override
  public void register(RelOptPlanner planner) {
    for (RelOptRule rule : JdbcRules.rules(this)) {
      // Jointure's own bridge, and project and filter rules that know the source's functions.
      if (!(rule instanceof JdbcToEnumerableConverterRule)
          && !(rule instanceof JdbcRules.JdbcProjectRule)
          && !(rule instanceof JdbcRules.JdbcFilterRule)) {
        planner.addRule(rule);
      }
    }
    planner.addRule(SourceExpressions.ProjectRule.of(this));
    planner.addRule(SourceExpressions.FilterRule.of(this));
    planner.addRule(SourceToEnumerableConverterRule.create(this));
    planner.addRule(SourceSemiJoinRule.of(this));
    planner.addRule(CoreRules.FILTER_SET_OP_TRANSPOSE);
    planner.addRule(CoreRules.PROJECT_REMOVE);
  }
}
