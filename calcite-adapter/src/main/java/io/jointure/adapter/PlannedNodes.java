package io.jointure.adapter;

import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;

/** Helpers for rules and cost models that look at a plan while it is still being planned. */
public final class PlannedNodes {
  private PlannedNodes() {
  }

  /**
   * The operator a planner placeholder stands for: a Volcano set's original operator (or its
   * first, if it has none), a Hep vertex's current one; any other operator as is.
   */
  public static RelNode concrete(RelNode rel) {
    if (rel instanceof RelSubset subset) {
      RelNode original = subset.getOriginal();
      return original != null ? original : subset.getRelList().get(0);
    }
    if (rel instanceof HepRelVertex vertex) {
      return vertex.getCurrentRel();
    }
    return rel;
  }
}
