package io.jointure.sql.functions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.immutables.value.Value;

/**
 * Offers, beside an aggregate with {@code percentile_cont(f) WITHIN GROUP (ORDER BY x)}, the same
 * aggregate with Jointure's {@link PercentileCont} on {@code (f, x)} (f reversed for a descending
 * order, x as double precision): a PostgreSQL source still computes the original, and Calcite's
 * executor, which cannot, computes the alternative.
 */
@Value.Enclosing
public final class PercentileRule extends RelRule<PercentileRule.Config> {
  public static final PercentileRule INSTANCE = Config.DEFAULT.toRule();

  private PercentileRule(Config config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    RelNode input = aggregate.getInput();
    RexBuilder rex = aggregate.getCluster().getRexBuilder();
    RelDataType doubleType = rex.getTypeFactory().createTypeWithNullability(
        rex.getTypeFactory().createSqlType(SqlTypeName.DOUBLE), true);
    List<RexNode> projects = new ArrayList<>(rex.identityProjects(input.getRowType()));
    List<String> names = new ArrayList<>(input.getRowType().getFieldNames());
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall aggCall : aggregate.getAggCallList()) {
      if (aggCall.getAggregation().getKind() != SqlKind.PERCENTILE_CONT) {
        calls.add(aggCall);
        continue;
      }
      if (aggCall.getArgList().size() != 1
          || aggCall.getCollation().getFieldCollations().size() != 1) {
        return;
      }
      RelFieldCollation order = aggCall.getCollation().getFieldCollations().get(0);
      RexNode fraction = rex.makeCast(doubleType,
          RexInputRef.of(aggCall.getArgList().get(0), input.getRowType()));
      if (order.direction.isDescending()) {
        fraction = rex.makeCall(SqlStdOperatorTable.MINUS, rex.makeApproxLiteral(
            BigDecimal.ONE), fraction);
      }
      int fractionField = projects.size();
      projects.add(fraction);
      names.add("$fraction" + fractionField);
      int valueField = projects.size();
      projects.add(rex.makeCast(doubleType,
          RexInputRef.of(order.getFieldIndex(), input.getRowType())));
      names.add("$value" + valueField);
      calls.add(AggregateCall.create(PercentileCont.FUNCTION, false, false, false, List.of(),
          List.of(fractionField, valueField), aggCall.filterArg, null, RelCollations.EMPTY,
          rex.getTypeFactory().createTypeWithNullability(doubleType,
              aggCall.getType().isNullable()), aggCall.getName()));
    }
    RelNode project = LogicalProject.create(input, List.of(), projects, names, Set.of());
    LogicalAggregate computed = LogicalAggregate.create(project, aggregate.getHints(),
        aggregate.getGroupSet(), aggregate.getGroupSets(), calls);
    // Calcite's own percentile_cont is typed as its ordering column: the answer gets that type.
    call.transformTo(RelOptUtil.createCastRel(computed, aggregate.getRowType(), true));
  }

  /** Rule configuration. */
  @Value.Immutable
  public interface Config extends RelRule.Config {
    Config DEFAULT = ImmutablePercentileRule.Config.builder()
        .description("PercentileRule")
        .operandSupplier(b -> b.operand(LogicalAggregate.class)
            .predicate(a -> a.getAggCallList().stream()
                .anyMatch(c -> c.getAggregation().getKind() == SqlKind.PERCENTILE_CONT))
            .anyInputs())
        .build();

    @Override
    default PercentileRule toRule() {
      return new PercentileRule(this);
    }
  }
}
