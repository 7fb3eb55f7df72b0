package io.jointure.sql.validate;

import io.jointure.sql.functions.PostgresConvertletTable;
import io.jointure.sql.functions.PostgresFunctions;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.SqlToRelConverter;

/**
 * Calcite's conversion of a validated statement to relational algebra, with one change: an
 * interval in the answer ({@code SELECT shipped_at - ordered_at}) reaches the client as
 * PostgreSQL prints it ({@code 2 days 03:00:00}), as PostgreSQL's text-format drivers give it,
 * not as Calcite's count of milliseconds or months.
 */
public final class PostgresSqlToRelConverter extends SqlToRelConverter {
  public PostgresSqlToRelConverter(RelOptTable.ViewExpander viewExpander,
      SqlValidator validator, Prepare.CatalogReader catalogReader, RelOptCluster cluster,
      SqlRexConvertletTable convertletTable, Config config) {
    super(viewExpander, validator, catalogReader, cluster, convertletTable, config);
  }

  @Override
  public RelRoot convertQuery(SqlNode query, boolean needsValidation, boolean top) {
    RelRoot root = super.convertQuery(query, needsValidation, top);
    if (!top || validator == null || validator.config().embeddedQuery()
        || !(validator instanceof PostgresSqlValidator postgres)
        || root.validatedRowType.getFieldList().stream()
            .noneMatch(f -> SqlTypeUtil.isInterval(f.getType()))) {
      return root;
    }
    RexBuilder rex = cluster.getRexBuilder();
    RelDataTypeFactory types = rex.getTypeFactory();
    List<RexNode> projects = new ArrayList<>();
    for (RelDataTypeField field : root.rel.getRowType().getFieldList()) {
      RexNode ref = RexInputRef.of(field.getIndex(), root.rel.getRowType());
      projects.add(SqlTypeUtil.isInterval(field.getType()) ? asText(rex, ref) : ref);
    }
    RelNode textual = LogicalProject.create(root.rel, List.of(), projects,
        root.rel.getRowType().getFieldNames(), java.util.Set.of());
    RelDataTypeFactory.Builder rowType = types.builder();
    for (RelDataTypeField field : root.validatedRowType.getFieldList()) {
      rowType.add(field.getName(), SqlTypeUtil.isInterval(field.getType())
          ? types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR),
              field.getType().isNullable())
          : field.getType());
    }
    RelDataType validated = rowType.build();
    postgres.answerType(query, validated);
    return new RelRoot(textual, validated, root.kind, root.fields, root.collation, root.hints);
  }

  private static RexNode asText(RexBuilder rex, RexNode interval) {
    boolean dayTime = interval.getType().getSqlTypeName().getFamily()
        == SqlTypeName.INTERVAL_DAY_SECOND.getFamily();
    RelDataTypeFactory types = rex.getTypeFactory();
    return PostgresConvertletTable.call(rex, dayTime ? PostgresFunctions.DAY_TIME_INTERVAL_TO_TEXT
            : PostgresFunctions.YEAR_MONTH_INTERVAL_TO_TEXT, List.of(interval),
        types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR),
            interval.getType().isNullable()));
  }
}
