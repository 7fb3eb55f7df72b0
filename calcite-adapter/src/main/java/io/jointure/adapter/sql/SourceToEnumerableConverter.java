package io.jointure.adapter.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import io.jointure.adapter.KeyLookup;
import io.jointure.adapter.SourceBridges;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlString;

/**
 * The bridge from a source's convention to Calcite's executor: turns the pushed-down operators
 * below it into one SQL query for the source, and runs it through a {@link NativeQuery}.
 * EXPLAIN shows the query text and its bound values.
 */
public final class SourceToEnumerableConverter extends ConverterImpl implements EnumerableRel {
  SourceToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, ConventionTraitDef.INSTANCE, traits, input);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new SourceToEnumerableConverter(getCluster(), traitSet, sole(inputs));
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return SourceBridges.transferCost(super.computeSelfCost(planner, mq), this);
  }

  private SourceConvention convention() {
    return (SourceConvention) getInput().getConvention();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    RelWriter writer = super.explainTerms(pw).item("source", convention().source().name());
    if (!SourceBridges.canShowRequest(pw, getInput())) {
      return writer;
    }
    NativeQuery query = nativeQuery(false);
    writer.item("sql", query.sql());
    List<Object> parameters = query.describedParameters();
    return writer.itemIf("parameters", parameters, !parameters.isEmpty());
  }

  /** Generates the source's SQL for the operators below this converter. */
  public NativeQuery nativeQuery(boolean scalarRows) {
    SourceConvention convention = convention();
    SourceSqlImplementor implementor = new SourceSqlImplementor(convention.dialect,
        (JavaTypeFactory) getCluster().getTypeFactory());
    SqlNode statement = implementor.visitRoot(getInput()).asStatement();
    Map<Integer, RelDataType> userParameterTypes = userParameterTypes(getInput());
    ParameterBinder binder = new ParameterBinder(convention.dialect, userParameterTypes);
    SqlString sql = binder.bind(statement).toSqlString(convention.dialect);
    List<Integer> parameterIndexes =
        sql.getDynamicParameters() == null ? List.of() : sql.getDynamicParameters();
    List<RelDataType> columnTypes = new ArrayList<>();
    for (RelDataTypeField field : getRowType().getFieldList()) {
      columnTypes.add(field.getType());
    }
    Map<Integer, SqlTypeName> parameterTypeNames = new HashMap<>();
    userParameterTypes.forEach((index, type) -> parameterTypeNames.put(index,
        type.getSqlTypeName()));
    return new NativeQuery(convention.source(), SingleLineSql.of(sql.getSql()), parameterIndexes,
        List.copyOf(binder.values()), parameterTypeNames, columnTypes, scalarRows);
  }

  /** The types Calcite inferred for the statement parameters used below {@code rel}. */
  private static Map<Integer, RelDataType> userParameterTypes(RelNode rel) {
    Map<Integer, RelDataType> types = new HashMap<>();
    rel.accept(new RexShuttle() {
      @Override
      public RexNode visitDynamicParam(RexDynamicParam param) {
        types.put(param.getIndex(), param.getType());
        return param;
      }
    });
    for (RelNode input : rel.getInputs()) {
      types.putAll(userParameterTypes(input));
    }
    return types;
  }

  /**
   * A key lookup over operators planned for a PostgreSQL source, or null when the source or a
   * key's type cannot take a key array.
   */
  public static KeyLookup keyLookup(RelNode sourceRel, List<Integer> keyColumns) {
    List<String> keyTypes = new ArrayList<>();
    for (int column : keyColumns) {
      String keyType = keyArrayType(sourceRel.getConvention(),
          sourceRel.getRowType().getFieldList().get(column).getType());
      if (keyType == null) {
        return null;
      }
      keyTypes.add(keyType);
    }
    SourceToEnumerableConverter bridge = new SourceToEnumerableConverter(sourceRel.getCluster(),
        sourceRel.getTraitSet().replace(org.apache.calcite.adapter.enumerable
            .EnumerableConvention.INSTANCE), sourceRel);
    return bridge.nativeQuery(false).keyLookup(keyColumns, keyTypes);
  }

  /**
   * PostgreSQL's element type for a key array of this SQL type, or null when the convention is
   * not a PostgreSQL source's or the type is no key type (the planner asks before offering a
   * key-list join).
   */
  public static String keyArrayType(org.apache.calcite.plan.Convention convention,
      RelDataType keyType) {
    if (!(convention instanceof SourceConvention source)
        || source.source().config().type() != io.jointure.model.DatasourceType.POSTGRESQL) {
      return null;
    }
    return switch (keyType.getSqlTypeName()) {
      case SMALLINT -> "int2";
      case INTEGER -> "int4";
      case BIGINT -> "int8";
      case DECIMAL -> "numeric";
      case CHAR, VARCHAR -> "text";
      case UUID -> "uuid";
      // Wall-clock values; PostgreSQL compares a timestamptz column with them in the session's
      // time zone, which pgjdbc sets to the JVM's, as Jointure reads timestamptz.
      case DATE -> "date";
      case TIME -> "time";
      case TIMESTAMP -> "timestamp";
      default -> null;
    };
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    return SourceBridges.implement(implementor, this, this::nativeQuery, NativeQuery.class);
  }
}
