package io.jointure.adapter.rest;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * One listing of a REST collection: the columns the query reads and the filters, limit and sort
 * the API applies (its {@link RestScanSpec}). An External relation's records cannot be listed
 * without values for their keys ({@link #hasKeys()}): the bridge out of such a listing costs
 * infinitely much, so the planner reaches them by key lookups from the origin.
 */
public final class RestTableScan extends TableScan {
  private final RestSource source;
  private final RestCollection collection;
  private final RestScanSpec spec;

  private RestTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      RestSource source, RestCollection collection, RestScanSpec spec) {
    super(cluster, traits, ImmutableList.of(), table);
    this.source = source;
    this.collection = collection;
    this.spec = spec;
  }

  static RestTableScan create(RelOptCluster cluster, RelOptTable table, RestSource source,
      RestCollection collection) {
    return new RestTableScan(cluster, cluster.traitSetOf(source.convention()), table, source,
        collection, RestScanSpec.all(collection.columns().size()));
  }

  RestTableScan with(RestScanSpec newSpec) {
    return new RestTableScan(getCluster(), getTraitSet(), getTable(), source, collection,
        newSpec);
  }

  RestSource source() {
    return source;
  }

  RestCollection collection() {
    return collection;
  }

  RestScanSpec spec() {
    return spec;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new RestTableScan(getCluster(), traitSet, getTable(), source, collection, spec);
  }

  @Override
  public RelDataType deriveRowType() {
    List<RelDataTypeField> fields = getTable().getRowType().getFieldList();
    RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
    for (int column : spec.projection()) {
      builder.add(fields.get(column));
    }
    return builder.build();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("spec", spec.describe());
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = collection.rowCount();
    for (int i = 0; i < spec.filters().size(); i++) {
      rows *= 0.1;
    }
    if (spec.fetch() != null) {
      rows = Math.min(rows, spec.fetch());
    }
    return Math.max(1, rows);
  }

  /**
   * Records come over HTTP: dearer than rows from a database; fewer fields cost less (a GraphQL
   * API sends only those asked for), so that the planner prefers the narrower request.
   */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    double width = 0.5 + 0.5 * spec.projection().size()
        / Math.max(1.0, collection.columns().size());
    return planner.getCostFactory().makeCost(rows * 5 * width, rows * 5 * width, 0);
  }

  /** Whether the scan can run: an External relation's key columns all have values. */
  boolean hasKeys() {
    for (int i = 0; i < collection.keyColumns(); i++) {
      if (!spec.filters().containsKey(i)) {
        return false;
      }
    }
    return true;
  }
}
