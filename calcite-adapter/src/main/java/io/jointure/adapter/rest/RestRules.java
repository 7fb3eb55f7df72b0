package io.jointure.adapter.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.immutables.value.Value;

/**
 * The rules that move work into an HTTP source's requests: equality filters on columns the API
 * filters on become query parameters, plain projections narrow the listing, and a limit (with a
 * sort the API can do) becomes a page size or limit parameter. Each leaves what the API cannot do
 * to Calcite, and does nothing when there is nothing to move.
 */
@Value.Enclosing
public final class RestRules {
  private RestRules() {
  }

  static List<RelOptRule> rules(RestConvention out) {
    return List.of(
        FilterConfig.of(out).toRule(),
        ProjectConfig.of(out).toRule(),
        AggregateConfig.of(out).toRule(),
        SortConfig.of(out).toRule(),
        TwinConfig.of(out).toRule(),
        ConverterRule.Config.INSTANCE
            .withConversion(RestTableScan.class, Convention.NONE, out,
                "RestScanToConventionRule:" + out.getName())
            .withRuleFactory(ToConventionRule::new).toRule(ToConventionRule.class),
        ConverterRule.Config.INSTANCE
            .withConversion(RelNode.class, out, EnumerableConvention.INSTANCE,
                "RestToEnumerableConverterRule:" + out.getName())
            .withRuleFactory(ToEnumerableRule::new).toRule(ToEnumerableRule.class));
  }

  /**
   * The values a conjunct makes a column equal to ({@code col = 3}, {@code col IN (1, 2)},
   * {@code col = ?}, a boolean {@code col} or {@code NOT col}), keyed by table column, when the API filters on that column; else null.
   */
  static Map.Entry<Integer, List<RexNode>> equalities(RexNode conjunct, RestTableScan scan) {
    // WHERE available, WHERE NOT available: a boolean column equal to TRUE or FALSE
    boolean negated = conjunct.getKind() == SqlKind.NOT;
    RexNode operand = negated ? ((RexCall) conjunct).getOperands().get(0) : conjunct;
    if (operand instanceof RexInputRef ref
        && ref.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.BOOLEAN) {
      int tableColumn = scan.spec().projection().get(ref.getIndex());
      return filterable(scan.collection(), tableColumn) ? Map.entry(tableColumn,
          List.of(scan.getCluster().getRexBuilder().makeLiteral(!negated))) : null;
    }
    RexNode expanded = RexUtil.expandSearch(scan.getCluster().getRexBuilder(), null, conjunct);
    List<RexNode> alternatives = expanded.getKind() == SqlKind.OR
        ? ((RexCall) expanded).getOperands() : List.of(expanded);
    Integer column = null;
    List<RexNode> values = new ArrayList<>();
    for (RexNode alternative : alternatives) {
      if (alternative.getKind() != SqlKind.EQUALS) {
        return null;
      }
      List<RexNode> operands = ((RexCall) alternative).getOperands();
      RexNode ref = operands.get(0) instanceof RexInputRef ? operands.get(0) : operands.get(1);
      RexNode value = ref == operands.get(0) ? operands.get(1) : operands.get(0);
      if (!(ref instanceof RexInputRef input) || !(value instanceof RexDynamicParam
          || value instanceof RexLiteral literal && !literal.isNull())) {
        return null;
      }
      int tableColumn = scan.spec().projection().get(input.getIndex());
      if (column != null && column != tableColumn) {
        return null;
      }
      column = tableColumn;
      values.add(value);
    }
    if (column == null || !filterable(scan.collection(), column)) {
      return null;
    }
    return Map.entry(column, values);
  }

  /** Whether requests can carry a value for this column: a declared filter, or a key. */
  static boolean filterable(RestCollection collection, int column) {
    if (column < collection.keyColumns()) {
      return true;
    }
    String name = collection.columns().get(column).name();
    if (collection.endpoint() instanceof RestCollection.GraphQlField graphQl) {
      return graphQl.arguments().containsKey(name);
    }
    return collection.endpoint() instanceof RestCollection.ApiCollection api
        && api.config().filters().containsKey(name);
  }

  /** Equality filters on filterable columns become query parameters. */
  static final class FilterRule extends RelRule<FilterConfig> {
    FilterRule(FilterConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalFilter filter = call.rel(0);
      RestTableScan scan = call.rel(1);
      if (scan.source().convention() != config.convention() || scan.spec().fetch() != null) {
        return; // another source's scan; or a limit already applies before this filter
      }
      Map<Integer, List<RexNode>> pushed = new LinkedHashMap<>();
      List<RexNode> kept = new ArrayList<>();
      for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
        Map.Entry<Integer, List<RexNode>> equality = equalities(conjunct, scan);
        if (equality != null && !scan.spec().filters().containsKey(equality.getKey())
            && !pushed.containsKey(equality.getKey())) {
          pushed.put(equality.getKey(), List.copyOf(equality.getValue()));
          if (!scan.collection().filtersExactly(equality.getKey())) {
            kept.add(conjunct); // the API narrows the records; Calcite checks SQL's equality
          }
        } else {
          kept.add(conjunct);
        }
      }
      if (pushed.isEmpty()) {
        return;
      }
      // The API applies declared filters exactly, so those pushed conjuncts leave Calcite.
      RelNode narrowed = scan.with(scan.spec().withFilters(pushed));
      call.transformTo(kept.isEmpty() ? narrowed
          : call.builder().push(narrowed).filter(kept).build());
    }
  }

  /** Rule configuration. */
  @Value.Immutable
  interface FilterConfig extends RelRule.Config {
    static FilterConfig of(RestConvention convention) {
      return ImmutableRestRules.FilterConfig.builder().convention(convention)
          .description("RestFilterRule:" + convention.getName())
          .operandSupplier(b -> b.operand(LogicalFilter.class).oneInput(
              s -> s.operand(RestTableScan.class).noInputs()))
          .build();
    }

    RestConvention convention();

    @Override
    default FilterRule toRule() {
      return new FilterRule(this);
    }
  }

  /** A projection of plain columns narrows the listing (records are read for those only). */
  static final class ProjectRule extends RelRule<ProjectConfig> {
    ProjectRule(ProjectConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalProject project = call.rel(0);
      RestTableScan scan = call.rel(1);
      if (scan.source().convention() != config.convention()) {
        return;
      }
      List<Integer> columns = new ArrayList<>();
      for (RexNode expression : project.getProjects()) {
        if (!(expression instanceof RexInputRef ref)) {
          return;
        }
        columns.add(scan.spec().projection().get(ref.getIndex()));
      }
      call.transformTo(scan.with(scan.spec().withProjection(columns)));
    }
  }

  /** Rule configuration. */
  @Value.Immutable
  interface ProjectConfig extends RelRule.Config {
    static ProjectConfig of(RestConvention convention) {
      return ImmutableRestRules.ProjectConfig.builder().convention(convention)
          .description("RestProjectRule:" + convention.getName())
          .operandSupplier(b -> b.operand(LogicalProject.class).oneInput(
              s -> s.operand(RestTableScan.class).noInputs()))
          .build();
    }

    RestConvention convention();

    @Override
    default ProjectRule toRule() {
      return new ProjectRule(this);
    }
  }

  /**
   * An aggregate straight over a listing ({@code COUNT(*), SUM(pages)}: the planner puts no
   * projection between them) narrows the listing to the columns it reads, so a GraphQL document
   * selects those fields only.
   */
  static final class AggregateRule extends RelRule<AggregateConfig> {
    AggregateRule(AggregateConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalAggregate aggregate = call.rel(0);
      RestTableScan scan = call.rel(1);
      if (scan.source().convention() != config.convention()) {
        return;
      }
      org.apache.calcite.util.ImmutableBitSet used =
          org.apache.calcite.util.ImmutableBitSet.of(RelOptUtil.getAllFields(aggregate));
      if (used.isEmpty()) {
        used = org.apache.calcite.util.ImmutableBitSet.of(0); // COUNT(*): a row still needs a column
      }
      if (used.cardinality() == scan.spec().projection().size()) {
        return;
      }
      List<Integer> columns = new ArrayList<>();
      Map<Integer, Integer> moved = new LinkedHashMap<>();
      used.forEach(field -> {
        moved.put(field, columns.size());
        columns.add(scan.spec().projection().get(field));
      });
      org.apache.calcite.util.mapping.Mappings.TargetMapping mapping =
          org.apache.calcite.util.mapping.Mappings.target(used::indexOf,
              scan.spec().projection().size(), used.cardinality());
      RelNode narrowed = scan.with(scan.spec().withProjection(columns));
      call.transformTo(aggregate.copy(aggregate.getTraitSet(), narrowed,
          aggregate.getGroupSet().permute(moved),
          aggregate.getGroupSets().stream().map(set -> set.permute(moved)).toList(),
          aggregate.getAggCallList().stream().map(c -> c.transform(mapping)).toList()));
    }
  }

  /** Rule configuration. */
  @Value.Immutable
  interface AggregateConfig extends RelRule.Config {
    static AggregateConfig of(RestConvention convention) {
      return ImmutableRestRules.AggregateConfig.builder().convention(convention)
          .description("RestAggregateRule:" + convention.getName())
          .operandSupplier(b -> b.operand(LogicalAggregate.class).oneInput(
              s -> s.operand(RestTableScan.class).noInputs()))
          .build();
    }

    RestConvention convention();

    @Override
    default AggregateRule toRule() {
      return new AggregateRule(this);
    }
  }

  /**
   * {@code LIMIT n} (and {@code ORDER BY c LIMIT n} when the API sorts by c) stops the listing
   * after n records; the sort and limit also stay in Calcite, which keeps SQL's exact order.
   */
  static final class SortRule extends RelRule<SortConfig> {
    SortRule(SortConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalSort sort = call.rel(0);
      RestTableScan scan = call.rel(1);
      if (scan.source().convention() != config.convention() || scan.spec().fetch() != null
          || !(sort.fetch instanceof RexLiteral fetch)
          || sort.offset != null && !(sort.offset instanceof RexLiteral)) {
        return;
      }
      long limit = fetch.getValueAs(Long.class)
          + (sort.offset == null ? 0 : ((RexLiteral) sort.offset).getValueAs(Long.class));
      List<RelFieldCollation> order = sort.getCollation().getFieldCollations();
      int column = -1;
      boolean descending = false;
      if (!order.isEmpty()) {
        RelFieldCollation only = order.get(0);
        // NULLs where SQL puts them by default (last ascending, first descending), as APIs do.
        boolean defaultNulls = only.nullDirection
            == only.getDirection().defaultNullDirection();
        if (order.size() != 1 || !defaultNulls || !sortable(scan, only.getFieldIndex())) {
          return;
        }
        column = scan.spec().projection().get(order.get(0).getFieldIndex());
        descending = order.get(0).getDirection().isDescending();
      }
      RelNode limited = scan.with(scan.spec().withFetch(limit, column, descending));
      call.transformTo(sort.copy(sort.getTraitSet(), limited, sort.getCollation(), sort.offset,
          sort.fetch));
    }

    /** A column the model lists as one the API sorts as SQL does. */
    private static boolean sortable(RestTableScan scan, int field) {
      return scan.collection().sortable(scan.spec().projection().get(field));
    }
  }

  /** Rule configuration. */
  @Value.Immutable
  interface SortConfig extends RelRule.Config {
    static SortConfig of(RestConvention convention) {
      return ImmutableRestRules.SortConfig.builder().convention(convention)
          .description("RestSortRule:" + convention.getName())
          .operandSupplier(b -> b.operand(LogicalSort.class).oneInput(
              s -> s.operand(RestTableScan.class).noInputs()))
          .build();
    }

    RestConvention convention();

    @Override
    default SortRule toRule() {
      return new SortRule(this);
    }
  }

  /**
   * A scan in the source's convention gets a twin without one (Convention.NONE) in its set.
   * The logical operators the planner makes while it searches (a filter moved under a
   * projection, a projection moved over a sort) take their inputs in NONE, and a rule's child
   * operand sees only rels of its parent's input's traits: without the twin, a filter or a
   * projection above a narrowed scan never met it again, and stayed in Calcite.
   */
  static final class TwinRule extends RelRule<TwinConfig> {
    TwinRule(TwinConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      RestTableScan scan = call.rel(0);
      if (scan.source().convention() == config.convention()
          && scan.getConvention() == config.convention()) {
        call.transformTo(scan.copy(scan.getTraitSet().replace(Convention.NONE), List.of()));
      }
    }
  }

  /** Rule configuration. */
  @Value.Immutable
  interface TwinConfig extends RelRule.Config {
    static TwinConfig of(RestConvention convention) {
      return ImmutableRestRules.TwinConfig.builder().convention(convention)
          .description("RestScanTwinRule:" + convention.getName())
          .operandSupplier(b -> b.operand(RestTableScan.class).noInputs())
          .build();
    }

    RestConvention convention();

    @Override
    default TwinRule toRule() {
      return new TwinRule(this);
    }
  }

  /** A scan the rules made in NONE (from a twin), back in the source's convention. */
  static final class ToConventionRule extends ConverterRule {
    ToConventionRule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      RestTableScan scan = (RestTableScan) rel;
      return scan.source().convention() == getOutConvention()
          ? scan.copy(scan.getTraitSet().replace(getOutConvention()), List.of()) : null;
    }
  }

  /** The bridge out of the source. */
  static final class ToEnumerableRule extends ConverterRule {
    ToEnumerableRule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      return new RestToEnumerableConverter(rel.getCluster(),
          rel.getTraitSet().replace(getOutConvention()), rel);
    }
  }
}
