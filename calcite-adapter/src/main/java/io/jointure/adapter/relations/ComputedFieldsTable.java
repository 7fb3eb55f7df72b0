package io.jointure.adapter.relations;

import io.jointure.adapter.KeyedTable;
import io.jointure.adapter.SqlTypeSpec;
import io.jointure.model.ComputedFieldConfig;
import io.jointure.model.DeclaredType;
import io.jointure.model.JavaComputedField;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A collection with computed fields: its own columns, then one column per field, computed by the
 * field's SQL expression (which may hold scalar subqueries over any collection). It takes the
 * collection's name; the collection itself stays reachable as {@code <name>$base}, which metadata
 * does not list.
 */
public final class ComputedFieldsTable extends AbstractTable
    implements TranslatableTable, KeyedTable {
  /** Appended to a collection's name to reach it without its computed fields. */
  public static final String BASE_SUFFIX = "$base";

  private final String datasource;
  private final String collection;
  private final Table base;
  private final List<ComputedFieldConfig> fields;
  private final List<JavaComputedField> javaFields;

  ComputedFieldsTable(String datasource, String collection, Table base,
      List<ComputedFieldConfig> fields, List<JavaComputedField> javaFields) {
    this.datasource = datasource;
    this.collection = collection;
    this.base = base;
    this.fields = List.copyOf(fields);
    this.javaFields = List.copyOf(javaFields);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (RelDataTypeField field : base.getRowType(typeFactory).getFieldList()) {
      row.add(field.getName(), field.getType());
    }
    for (ComputedFieldConfig field : fields) {
      row.add(field.name(), typeFactory.createTypeWithNullability(
          SqlTypeSpec.of(field.type()).toRelType(typeFactory), true));
    }
    for (JavaComputedField field : javaFields) {
      row.add(field.name(), typeFactory.createTypeWithNullability(
          SqlTypeSpec.of(field.type()).toRelType(typeFactory), true));
    }
    return row.build();
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return base.getJdbcTableType();
  }

  @Override
  public List<String> primaryKey() {
    return base instanceof KeyedTable keyed ? keyed.primaryKey() : List.of();
  }

  @Override
  public List<List<String>> uniqueKeys() {
    return base instanceof KeyedTable keyed ? keyed.uniqueKeys() : List.of();
  }

  @Override
  public String primaryKeyName() {
    return base instanceof KeyedTable keyed ? keyed.primaryKeyName() : null;
  }

  /**
   * The SQL fields: {@code SELECT <collection>.*, CAST((<sql>) AS <type>) AS <field>, ... FROM
   * <datasource>.<collection>$base AS <collection>}, expanded in the statement being planned so
   * the expressions see the connection's schemas and settings; then the Java fields, computed a
   * batch at a time by {@link BatchFields}.
   */
  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable table) {
    RelNode withSqlFields = fields.isEmpty() ? baseScan(context, table)
        : sqlFields(context, table);
    if (javaFields.isEmpty()) {
      return withSqlFields;
    }
    List<String> columns = withSqlFields.getRowType().getFieldNames();
    List<int[]> dependencies = new java.util.ArrayList<>();
    for (JavaComputedField field : javaFields) {
      dependencies.add(field.dependencies().stream().mapToInt(columns::indexOf).toArray());
    }
    return BatchFields.create(withSqlFields, javaFields, dependencies);
  }

  private RelNode baseScan(RelOptTable.ToRelContext context, RelOptTable table) {
    return Scans.of(context, table, List.of(datasource, collection + BASE_SUFFIX), base);
  }

  private RelNode sqlFields(RelOptTable.ToRelContext context, RelOptTable table) {
    StringBuilder sql = new StringBuilder("SELECT ").append(quote(collection)).append(".*");
    for (ComputedFieldConfig field : fields) {
      sql.append(", CAST((").append(field.sql()).append(") AS ").append(typeText(field.type()))
          .append(") AS ").append(quote(field.name()));
    }
    sql.append(" FROM ").append(quote(datasource)).append('.')
        .append(quote(collection + BASE_SUFFIX)).append(" AS ").append(quote(collection));
    // The row without the Java fields, which come after.
    RelDataType all = table.getRowType();
    RelDataType rowType = context.getCluster().getTypeFactory().createStructType(
        all.getFieldList().subList(0, all.getFieldCount() - javaFields.size()));
    RelRoot root = context.expandView(rowType, sql.toString(), List.of(datasource),
        List.of(datasource, collection));
    return RelOptUtil.createCastRel(root.rel, rowType, true);
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String typeText(DeclaredType type) {
    String text = type.name();
    if (type.precision() >= 0) {
      text += "(" + type.precision() + (type.scale() >= 0 ? ", " + type.scale() : "") + ")";
    }
    return type.array() ? text + " ARRAY" : text;
  }
}
