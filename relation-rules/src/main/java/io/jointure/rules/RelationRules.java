package io.jointure.rules;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/**
 * Holder of Jointure's own planner rules for queries that span sources: key-list joins (which
 * also give semi-join reduction for filters on related columns). Join elimination, top-N and
 * aggregates through joins come from Calcite rules that the driver adds (docs/PLANNING.md).
 */
public final class RelationRules {
  private RelationRules() {
  }

  /** Rules to add to the planner of every Jointure query. */
  public static List<RelOptRule> all() {
    return List.of(KeyListJoinRule.INSTANCE);
  }
}
