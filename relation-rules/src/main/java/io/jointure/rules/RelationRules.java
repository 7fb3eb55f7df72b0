package io.jointure.rules;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.rules.CoreRules;

/**
 * Holder of Jointure's own planner rules for queries that span sources: key-list joins (which
 * also give semi-join reduction for filters on related columns), and the factoring of ORs that
 * share a join equality (with Calcite's rules deriving each side's filters from the rest). Join
 * elimination, top-N and aggregates through joins come from Calcite rules that the driver adds
 * (docs/PLANNING.md).
 */
public final class RelationRules {
  private RelationRules() {
  }

  /** Rules to add to the planner of every Jointure query. */
  public static List<RelOptRule> all() {
    return List.of(KeyListJoinRule.INSTANCE, DisjunctionFactorRule.FILTER,
        DisjunctionFactorRule.JOIN, CoreRules.EXPAND_FILTER_DISJUNCTION_LOCAL,
        CoreRules.EXPAND_JOIN_DISJUNCTION_LOCAL);
  }
}
