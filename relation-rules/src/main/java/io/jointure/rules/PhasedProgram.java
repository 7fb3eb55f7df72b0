package io.jointure.rules;

import java.util.List;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * Calcite's standard program in phases: subqueries removed, the query decorrelated and its
 * fields trimmed (as Calcite does), then a heuristic phase that applies once, without search,
 * the rewrites that are always worth it (semi-joins for EXISTS and IN, merged projections, the
 * equality shared by an OR's branches factored out of a join condition), then one cost-based
 * pass without those rules (the filter form of the OR factoring, TPC-H q19's, stays in it: the
 * filter meets its join only there). In Calcite's
 * cost-based pass the semi-join rules alone made thousands of alternatives (TPC-H q21: 19,000
 * rule attempts, 7 s of planning).
 *
 * <p>Metadata is Calcite's, with joins on unique keys estimated as such ({@link JoinRowCount}).
 *
 * <p>A query with many joins is planned with its joins in the order written: the rules that try
 * every order (pushing a join through another, swapping inner join inputs) make the search grow
 * exponentially with the number of joins, and relation views stack LEFT joins quickly.
 * Key-list joins still choose which side drives each join.
 */
public final class PhasedProgram implements Program {
  /** Queries with at least this many joins keep their written join order. */
  public static final int MIN_JOINS_IN_WRITTEN_ORDER = 4;

  /** Rewrites applied once, before the cost-based pass, and not searched in it. */
  private static final List<RelOptRule> HEURISTIC = List.of(
      CoreRules.PROJECT_TO_SEMI_JOIN, CoreRules.JOIN_ON_UNIQUE_TO_SEMI_JOIN,
      CoreRules.JOIN_TO_SEMI_JOIN, DisjunctionFactorRule.JOIN, CoreRules.PROJECT_MERGE,
      CoreRules.AGGREGATE_PROJECT_MERGE);

  private static final Program BEFORE_SEARCH = Programs.sequence(
      Programs.subQuery(JoinRowCount.PROVIDER),
      Programs.decorrelate(),
      Programs.measure(JoinRowCount.PROVIDER),
      Programs.trim(),
      Programs.hep(HEURISTIC, true, JoinRowCount.PROVIDER));

  @Override
  public RelNode run(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    RelNode prepared = BEFORE_SEARCH.run(planner, rel, requiredOutputTraits, materializations,
        lattices);
    HEURISTIC.forEach(planner::removeRule);
    if (RelOptUtil.countJoins(prepared) >= MIN_JOINS_IN_WRITTEN_ORDER) {
      planner.removeRule(JoinPushThroughJoinRule.LEFT);
      planner.removeRule(JoinPushThroughJoinRule.RIGHT);
      planner.removeRule(CoreRules.JOIN_COMMUTE);
    }
    // The cost-based pass asks the cluster's metadata query, made before these phases set the
    // provider: a new one sees JoinRowCount.
    prepared.getCluster().setMetadataProvider(JoinRowCount.PROVIDER);
    prepared.getCluster().invalidateMetadataQuery();
    materializations.forEach(planner::addMaterialization);
    lattices.forEach(planner::addLattice);
    planner.setRoot(prepared);
    RelNode root = prepared.getTraitSet().equals(requiredOutputTraits) ? prepared
        : planner.changeTraits(prepared, requiredOutputTraits);
    planner.setRoot(root);
    RelNode best = planner.chooseDelegate().findBestExp();
    // Physical tweaks, as Calcite's standard program ends (the first EnumerableCalc).
    return Programs.calc(JoinRowCount.PROVIDER).run(planner, best,
        requiredOutputTraits, materializations, lattices);
  }
}
