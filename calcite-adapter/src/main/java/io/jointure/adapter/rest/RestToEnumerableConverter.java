package io.jointure.adapter.rest;

import io.jointure.adapter.KeyLookup;
import io.jointure.adapter.PlannedNodes;
import io.jointure.adapter.SourceBridges;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexInputRef;

/**
 * The bridge from an HTTP source's convention to Calcite's executor: runs the listing below it as
 * requests ({@link RestQuery}); EXPLAIN shows them. Records over HTTP cost more than rows from a
 * database; an External relation's records listed without keys cannot be read at all, which
 * leaves key lookups from the origin as the planner's only way to them.
 */
public final class RestToEnumerableConverter extends ConverterImpl implements EnumerableRel {
  /** A record over HTTP costs this many times a row from a database. */
  private static final double HTTP_COST = 5;

  RestToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, ConventionTraitDef.INSTANCE, traits, input);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new RestToEnumerableConverter(getCluster(), traitSet, sole(inputs));
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    if (!canList(getInput())) {
      return planner.getCostFactory().makeInfiniteCost();
    }
    RelOptCost cost = SourceBridges.transferCost(super.computeSelfCost(planner, mq), this);
    return cost == null ? null : cost.multiplyBy(HTTP_COST);
  }

  /** Whether some listing in this (planned) input has values for every key it needs. */
  private static boolean canList(RelNode input) {
    if (input instanceof RelSubset subset) {
      return subset.getRelList().stream().anyMatch(
          r -> r instanceof RestTableScan scan && scan.hasKeys());
    }
    return input instanceof RestTableScan scan && scan.hasKeys();
  }

  /** The listing below: the planned one, or, while planning, one the input set holds. */
  private static RestTableScan scan(RelNode input) {
    if (input instanceof RelSubset subset) {
      if (subset.getBest() instanceof RestTableScan best) {
        return best;
      }
      return subset.getRelList().stream().filter(RestTableScan.class::isInstance)
          .map(RestTableScan.class::cast).findFirst().orElseThrow();
    }
    return (RestTableScan) PlannedNodes.concrete(input);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    RelWriter writer = super.explainTerms(pw).item("source",
        ((RestConvention) getInput().getConvention()).source().name());
    if (!SourceBridges.canShowRequest(pw, getInput())) {
      return writer;
    }
    return writer.item("request", query(false).describe());
  }

  RestQuery query(boolean scalarRows) {
    RestTableScan scan = scan(getInput());
    return new RestQuery(scan.source(), scan.collection(), scan.spec(), scalarRows);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    return SourceBridges.implement(implementor, this, this::query, RestQuery.class);
  }

  /**
   * A key lookup over a REST listing: keys as a list parameter in batches, or one request per
   * key (External relations, APIs without lists); null when a key column is not filterable.
   */
  public static KeyLookup keyLookup(RelNode rel, List<Integer> keyColumns) {
    if (!(rel instanceof RelSubset || rel instanceof RestTableScan)) {
      return null;
    }
    RestTableScan scan = scan(rel);
    for (int key : keyColumns) {
      if (!canLookup(scan, key)) {
        return null;
      }
    }
    return new RestQuery(scan.source(), scan.collection(), scan.spec(), false)
        .keyLookup(keyColumns);
  }

  /** How many keys one request to this (planned) REST listing can carry. */
  public static int keysPerRequest(RelNode rel, List<Integer> keys) {
    Probed probed = keys.size() == 1 ? Probed.of(rel, keys.get(0)) : null;
    return probed == null ? 1 : probed.scan().collection().keysPerRequest(
        List.of(probed.scan().spec().projection().get(probed.key())));
  }

  /**
   * Whether a planned REST operator (a listing, maybe under a projection of columns) can be
   * asked for the records whose column {@code key} holds given values.
   */
  public static boolean canLookup(RelNode rel, int key) {
    Probed probed = Probed.of(rel, key);
    return probed != null && canLookup(probed.scan(), probed.key());
  }

  /** The listing under a planned operator and its output column a key is, through projections. */
  private record Probed(RestTableScan scan, int key) {
    static Probed of(RelNode rel, int key) {
      rel = PlannedNodes.concrete(rel);
      while (rel instanceof Project project) {
        if (!(project.getProjects().get(key) instanceof RexInputRef ref)) {
          return null;
        }
        key = ref.getIndex();
        rel = PlannedNodes.concrete(project.getInput());
      }
      return rel instanceof RestTableScan scan ? new Probed(scan, key) : null;
    }
  }

  private static boolean canLookup(RestTableScan scan, int key) {
    int column = scan.spec().projection().get(key);
    // Keys would replace values the listing already filters the column on; an argument that
    // is no exact equality (a search) would answer one record for several keys.
    if (scan.spec().fetch() != null || !RestRules.filterable(scan.collection(), column)
        || !scan.collection().filtersExactly(column) || scan.spec().filters().containsKey(column)) {
      return false;
    }
    // Every other key column of an External relation must already have its value.
    for (int i = 0; i < scan.collection().keyColumns(); i++) {
      if (i != column && !scan.spec().filters().containsKey(i)
          && !scan.spec().projection().contains(i)) {
        return false;
      }
    }
    return true;
  }
}
