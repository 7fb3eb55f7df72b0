package io.jointure.adapter.rest;

import io.jointure.adapter.KeyLookup;
import io.jointure.adapter.KeyLookupConvention;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;

/**
 * The planner convention of one HTTP source: a {@link RestTableScan} in it is one listing of a
 * collection, with the filters, limit and sort the API takes as query parameters. Registers the
 * source's rules when the planner first meets it.
 */
public final class RestConvention extends Convention.Impl implements KeyLookupConvention {
  private final RestSource source;

  RestConvention(RestSource source) {
    super("REST." + source.name(), RestTableScan.class);
    this.source = source;
  }

  public RestSource source() {
    return source;
  }

  @Override
  public boolean canLookup(RelNode rel, int keyColumn) {
    return RestToEnumerableConverter.canLookup(rel, keyColumn);
  }

  @Override
  public KeyLookup keyLookup(RelNode rel, List<Integer> keyColumns) {
    return RestToEnumerableConverter.keyLookup(rel, keyColumns);
  }

  @Override
  public int keysPerRequest(RelNode rel, List<Integer> keyColumns) {
    return RestToEnumerableConverter.keysPerRequest(rel, keyColumns);
  }

  /** An API cannot join: two of its collections are joined by key lists too. */
  @Override
  public boolean joinsItsOwnTables() {
    return false;
  }

  @Override
  public void register(RelOptPlanner planner) {
    for (RelOptRule rule : RestRules.rules(this)) {
      planner.addRule(rule);
    }
  }

  /** An API's collections are asked by key; a listing of all of them may not exist. */
  @Override
  public boolean readsWhole() {
    return false;
  }
}
