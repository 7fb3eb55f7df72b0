package io.jointure.rules;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/**
 * Holder of Jointure's planner rules for queries that span sources. Empty until cross-source
 * planning lands (key-list joins, semi-join reduction, join elimination); until then Calcite's
 * default rules plan cross-source joins, using each table's real statistics.
 */
public final class RelationRules {
  private RelationRules() {
  }

  /** Rules to add to the planner of every Jointure query. */
  public static List<RelOptRule> all() {
    return List.of();
  }
}
