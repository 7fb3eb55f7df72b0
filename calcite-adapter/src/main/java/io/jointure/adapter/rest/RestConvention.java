package io.jointure.adapter.rest;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;

/**
 * The planner convention of one HTTP source: a {@link RestTableScan} in it is one listing of a
 * collection, with the filters, limit and sort the API takes as query parameters. Registers the
 * source's rules when the planner first meets it.
 */
public final class RestConvention extends Convention.Impl {
  private final RestSource source;

  RestConvention(RestSource source) {
    super("REST." + source.name(), RestTableScan.class);
    this.source = source;
  }

  public RestSource source() {
    return source;
  }

  @Override
  public void register(RelOptPlanner planner) {
    for (RelOptRule rule : RestRules.rules(this)) {
      planner.addRule(rule);
    }
  }
}
