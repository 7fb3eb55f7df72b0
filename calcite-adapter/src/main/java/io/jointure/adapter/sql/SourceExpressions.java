package io.jointure.adapter.sql;

import io.jointure.sql.functions.PostgresFunction;
import java.util.List;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlFunction;

/**
 * Which expressions a SQL source can compute: Calcite's JDBC rules push any expression but
 * user-defined functions; Jointure's PostgreSQL functions ({@link PostgresFunction}) go only to
 * sources whose dialect writes them as PostgreSQL does (a PostgreSQL source), so other databases
 * never receive a function they lack: Calcite computes it.
 */
final class SourceExpressions {
  private SourceExpressions() {
  }

  static boolean canRun(SqlDialect dialect, List<RexNode> expressions) {
    boolean postgres = PostgresDialect.writesPostgresFunctions(dialect);
    boolean[] runnable = {true};
    RexVisitorImpl<Void> visitor = new RexVisitorImpl<>(true) {
      @Override
      public Void visitCall(RexCall call) {
        if (call.getOperator() instanceof PostgresFunction) {
          runnable[0] &= postgres;
        } else if (call.getOperator() instanceof SqlFunction function
            && function.getFunctionType().isUserDefined()) {
          runnable[0] = false;
        }
        return super.visitCall(call);
      }
    };
    for (RexNode expression : expressions) {
      expression.accept(visitor);
    }
    return runnable[0];
  }

  /** Calcite's JDBC project rule, taking only projects the source can compute. */
  static final class ProjectRule extends JdbcRules.JdbcProjectRule {
    private ProjectRule(Config config) {
      super(config);
    }

    static ProjectRule of(JdbcConvention out) {
      return Config.INSTANCE
          .withConversion(Project.class, (Project project) ->
                  (out.dialect.supportsWindowFunctions() || !project.containsOver())
                      && canRun(out.dialect, project.getProjects()),
              Convention.NONE, out, "SourceProjectRule")
          .withRuleFactory(ProjectRule::new)
          .toRule(ProjectRule.class);
    }
  }

  /** Calcite's JDBC filter rule, taking only conditions the source can compute. */
  static final class FilterRule extends JdbcRules.JdbcFilterRule {
    private FilterRule(Config config) {
      super(config);
    }

    static FilterRule of(JdbcConvention out) {
      return Config.INSTANCE
          .withConversion(Filter.class,
              (Filter filter) -> canRun(out.dialect, List.of(filter.getCondition())),
              Convention.NONE, out, "SourceFilterRule")
          .withRuleFactory(FilterRule::new)
          .toRule(FilterRule.class);
    }
  }
}
