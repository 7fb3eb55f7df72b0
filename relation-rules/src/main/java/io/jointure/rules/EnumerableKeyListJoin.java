package io.jointure.rules;

import static io.jointure.adapter.PlannedNodes.concrete;

import io.jointure.adapter.KeyLookup;
import io.jointure.adapter.KeyLookupConvention;
import io.jointure.adapter.SourceBridges;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;

/**
 * A join that reads one side (the driver, in Calcite's executor) and asks the other side's source
 * only for the driver's keys: PostgreSQL {@code = ANY(?)} with one array parameter, MongoDB
 * {@code $in}, an API's list parameter (or one request per key), in batches. The probe side stays in its source's convention; this operator builds
 * its native request. Output columns are left's then right's, as in the join it replaces.
 */
public final class EnumerableKeyListJoin extends BiRel implements EnumerableRel {
  /** Keys per request to the probe side. */
  static final int BATCH_SIZE = 10_000;

  /** A round trip to the probe source costs as much as this many rows (HTTP especially). */
  private static final double REQUEST_COST = 20;

  private static final java.lang.reflect.Method JOIN = Types.lookupMethod(
      KeyListJoinOperator.class, "join", Enumerable.class, DataContext.class);

  private final JoinRelType joinType;
  private final boolean driverIsLeft;
  private final ImmutableIntList leftKeys;
  private final ImmutableIntList rightKeys;

  EnumerableKeyListJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
      JoinRelType joinType, boolean driverIsLeft, List<Integer> leftKeys,
      List<Integer> rightKeys) {
    super(cluster, traits, left, right);
    this.joinType = joinType;
    this.driverIsLeft = driverIsLeft;
    this.leftKeys = ImmutableIntList.copyOf(leftKeys);
    this.rightKeys = ImmutableIntList.copyOf(rightKeys);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EnumerableKeyListJoin(getCluster(), traitSet, inputs.get(0), inputs.get(1),
        joinType, driverIsLeft, leftKeys, rightKeys);
  }

  private RelNode driver() {
    return driverIsLeft ? getLeft() : getRight();
  }

  private RelNode probe() {
    return driverIsLeft ? getRight() : getLeft();
  }

  private ImmutableIntList driverKeys() {
    return driverIsLeft ? leftKeys : rightKeys;
  }

  private ImmutableIntList probeKeys() {
    return driverIsLeft ? rightKeys : leftKeys;
  }

  @Override
  protected RelDataType deriveRowType() {
    return SqlValidatorUtil.deriveJoinRowType(getLeft().getRowType(), getRight().getRowType(),
        joinType, getCluster().getTypeFactory(), null, List.of());
  }

  /**
   * The driving side's rows, knowing that a filter fixing a unique key keeps one row even while
   * the planner still holds the filter's input as a set of alternatives (where Calcite falls
   * back to guessing 15% of the rows).
   */
  private static double rows(RelMetadataQuery mq, RelNode rel) {
    double estimate = mq.getRowCount(rel);
    RelNode r = concrete(rel);
    while (r instanceof org.apache.calcite.rel.core.Project
        || r instanceof org.apache.calcite.rel.convert.Converter) {
      r = concrete(r.getInput(0));
    }
    if (r instanceof org.apache.calcite.rel.core.Filter filter
        && concrete(filter.getInput()) instanceof org.apache.calcite.rel.core.TableScan scan
        && scan.getTable() != null) {
      double rows = scan.getTable().getRowCount()
          * io.jointure.adapter.KeySelectivity.of(scan, mq, filter.getCondition());
      return Math.min(estimate, Math.max(1, rows));
    }
    return estimate;
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double driverRows = rows(mq, driver());
    return joinType.projectsRight() ? Math.max(driverRows, fetchedRows(mq)) : driverRows;
  }

  /**
   * Rows the probe source sends: the driver's keys times the probe rows per key, at most all.
   * Rows per key: the probe's rows over the number of values the key can take, which is the row
   * count of the table the driver's key is a unique column of (towns.id: every town), when known;
   * otherwise Calcite's estimate of the probe key's distinct values.
   */
  private double fetchedRows(RelMetadataQuery mq) {
    double driverRows = rows(mq, driver());
    double probeRows = mq.getRowCount(probe());
    ImmutableBitSet probeKeys = ImmutableBitSet.of(probeKeys());
    if (Boolean.TRUE.equals(mq.areColumnsUnique(probe(), probeKeys))) {
      return Math.min(probeRows, driverRows);
    }
    Double domain = driverKeys().size() == 1 ? keyDomain(driver(), driverKeys().get(0)) : null;
    if (domain == null) {
      domain = mq.getDistinctRowCount(probe(), probeKeys, null);
    }
    double perKey = domain == null || domain < 1 ? 1 : probeRows / domain;
    return Math.min(probeRows, driverRows * Math.max(1, perKey));
  }

  /**
   * The row count of the table whose unique column the driver's key is, if it is one: followed
   * down through projections, filters, sorts and bridges (Calcite's column origins stop at the
   * bridges out of sources).
   */
  private static Double keyDomain(RelNode rel, int key) {
    while (true) {
      rel = concrete(rel);
      if (rel instanceof org.apache.calcite.rel.core.TableScan scan) {
        org.apache.calcite.plan.RelOptTable table = scan.getTable();
        return table.isKey(ImmutableBitSet.of(key)) ? table.getRowCount() : null;
      } else if (rel instanceof org.apache.calcite.rel.core.Project project) {
        if (!(project.getProjects().get(key) instanceof org.apache.calcite.rex.RexInputRef ref)) {
          return null;
        }
        key = ref.getIndex();
        rel = project.getInput();
      } else if (rel instanceof org.apache.calcite.rel.core.Filter
          || rel instanceof org.apache.calcite.rel.core.Sort
          || rel instanceof org.apache.calcite.rel.convert.Converter) {
        rel = rel.getInput(0);
      } else {
        return null;
      }
    }
  }

  /**
   * The rows the probe source sends cost what rows leaving a source cost (as for the bridges);
   * the driver's rows are held in memory. Without this join, the probe side would be read whole
   * through a bridge.
   */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double fetched = fetchedRows(mq);
    double width = probe().getRowType().getFieldCount();
    double driverRows = rows(mq, driver());
    double requests = Math.ceil(Math.max(1, driverRows) / keysPerRequest());
    double byKeys = SourceBridges.transferCost(fetched, width) + driverRows
        + requests * REQUEST_COST;
    if (readWholePast() > 0) {
      // The run reads the probe whole when the driver brings more keys than planned for: the
      // join never costs more than that read, so a driving side estimated too large (a HAVING,
      // a filter's guessed selectivity) does not rule the key list out.
      double whole = mq.getRowCount(probe());
      double wholeRead = SourceBridges.transferCost(whole, width) + driverRows + REQUEST_COST;
      if (wholeRead < byKeys) {
        return planner.getCostFactory().makeCost(wholeRead, whole, 0);
      }
    }
    return planner.getCostFactory().makeCost(byKeys, fetched, 0);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    RelWriter writer = super.explainTerms(pw)
        .item("joinType", joinType.lowerName)
        .item("strategy", "key list from " + (driverIsLeft ? "left" : "right"))
        .item("keys", keysText());
    long readWholePast = readWholePast();
    writer.itemIf("readsProbeWholePast", readWholePast + " keys", readWholePast > 0);
    if (SourceBridges.canShowRequest(pw, probe())) {
      KeyLookup lookup = lookup();
      writer.itemIf("probe", lookup == null ? "" : lookup.describe(), lookup != null);
    }
    return writer;
  }

  /**
   * Distinct driving keys past which the run reads the probe whole: half the rows its source
   * says the probe's table holds; 0 (never) when the source does not say, or cannot list its
   * rows in one request (an API asked by key).
   */
  private long readWholePast() {
    if (!lookups().readsWhole()) {
      return 0;
    }
    Double rows = knownRows(probe());
    return rows == null ? 0 : Math.max(1, (long) (rows / 2));
  }

  /** The row count a source reports for the one table under {@code rel}, or null. */
  private static Double knownRows(RelNode rel) {
    rel = concrete(rel);
    if (rel instanceof org.apache.calcite.rel.core.TableScan scan) {
      org.apache.calcite.schema.Table table =
          scan.getTable().unwrap(org.apache.calcite.schema.Table.class);
      return table == null ? null : table.getStatistic().getRowCount();
    }
    return rel.getInputs().size() == 1 ? knownRows(rel.getInput(0)) : null;
  }

  /** Keys one request carries: a batch, or what an API takes (one, or its list size). */
  private int keysPerRequest() {
    return Math.min(BATCH_SIZE, lookups().keysPerRequest(probe(), probeKeys()));
  }

  /** The probe side's source. */
  private KeyLookupConvention lookups() {
    return (KeyLookupConvention) probe().getConvention();
  }

  /** {@code $0 = $5, $1 = $6}: left columns, then right ones numbered after the left's. */
  private String keysText() {
    StringBuilder text = new StringBuilder();
    int leftWidth = getLeft().getRowType().getFieldCount();
    for (int i = 0; i < leftKeys.size(); i++) {
      text.append(i == 0 ? "" : ", ").append('$').append(leftKeys.get(i)).append(" = $")
          .append(leftWidth + rightKeys.get(i));
    }
    return text.toString();
  }

  private KeyLookup lookup() {
    return lookups().keyLookup(probe(), probeKeys());
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    int driverIndex = driverIsLeft ? 0 : 1;
    Result driver = implementor.visitChild(this, driverIndex, (EnumerableRel) driver(),
        Prefer.ARRAY);
    BlockBuilder block = new BlockBuilder();
    Expression rows = block.append("driverRows", driver.block);
    Expression arrays = driver.physType.convertTo(rows, JavaRowFormat.ARRAY);
    KeyLookup lookup = lookup();
    if (lookup == null) {
      throw new IllegalStateException("the probe side cannot take a key list: " + probe());
    }
    KeyListJoinOperator operator = new KeyListJoinOperator(lookup, driverIsLeft,
        driverKeys().toIntArray(), probeKeys().toIntArray(),
        probe().getRowType().getFieldCount(), joinType, BATCH_SIZE,
        getRowType().getFieldCount() == 1, readWholePast());
    Expression stashed = implementor.stash(operator, KeyListJoinOperator.class);
    block.add(Expressions.return_(null, Expressions.call(stashed, JOIN,
        Expressions.convert_(arrays, Enumerable.class), DataContext.ROOT)));
    // Object[] rows, or bare values for one column (a SEMI or ANTI join of a one-column side).
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY);
    return implementor.result(physType, block.toBlock());
  }
}
