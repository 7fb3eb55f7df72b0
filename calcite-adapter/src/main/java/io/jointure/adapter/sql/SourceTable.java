package io.jointure.adapter.sql;

import io.jointure.adapter.KeyedTable;
import io.jointure.adapter.TableKeys;
import io.jointure.model.DeclaredKeys;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * One table or view of a SQL source. It reports the source's row estimate and unique keys as
 * statistics, so the planner costs real sizes, and becomes a {@link SourceTableScan} in the
 * source's convention so that the work above it can be pushed into the source's SQL.
 */
public final class SourceTable extends AbstractTable implements TranslatableTable, KeyedTable,
    org.apache.calcite.rel.metadata.BuiltInMetadata.Selectivity.Handler {
  private final SqlSource source;
  private final String sqlName;
  private final TableInfo info;
  private final TableKeys keys;
  private final Statistic statistic;

  SourceTable(SqlSource source, String sqlName, TableInfo info, DeclaredKeys declared) {
    this.source = source;
    this.sqlName = sqlName;
    this.info = info;
    this.keys = TableKeys.of(info.primaryKey(), info.uniqueKeys(), declared);
    this.statistic = statisticOf(info, declared);
  }

  public SqlSource source() {
    return source;
  }

  public String sqlName() {
    return sqlName;
  }

  public TableInfo info() {
    return info;
  }

  /** Calcite asks the table how selective a filter on its scan is (see {@link KeySelectivity}). */
  @Override
  public Double getSelectivity(org.apache.calcite.rel.RelNode scan,
      org.apache.calcite.rel.metadata.RelMetadataQuery mq, org.apache.calcite.rex.RexNode predicate) {
    return io.jointure.adapter.KeySelectivity.of(scan, mq, predicate);
  }

  @Override
  public List<String> primaryKey() {
    return keys.primaryKey();
  }

  @Override
  public String primaryKeyName() {
    return info.primaryKeyName();
  }

  @Override
  public List<List<String>> uniqueKeys() {
    return keys.uniqueKeys();
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (ColumnInfo column : info.columns()) {
      builder.add(column.name(), column.relType(typeFactory));
    }
    return builder.build();
  }

  @Override
  public Statistic getStatistic() {
    return statistic;
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return info.view() ? Schema.TableType.VIEW : Schema.TableType.TABLE;
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new SourceTableScan(context.getCluster(), relOptTable, this);
  }

  /**
   * Row estimate and keys. A unique constraint on nullable columns is no key for Calcite, which
   * would then take several NULL rows for one (SELECT DISTINCT, GROUP BY); a declared key is.
   */
  private static Statistic statisticOf(TableInfo info, DeclaredKeys declared) {
    List<List<String>> notNullUnique = info.uniqueKeys().stream().filter(unique -> unique.stream()
        .noneMatch(c -> info.columns().get(info.columnIndex(c)).nullable())).toList();
    List<String> columns = info.columns().stream().map(ColumnInfo::name).toList();
    return Statistics.of(info.rowCount().orElse(null),
        TableKeys.of(info.primaryKey(), notNullUnique, declared).bitSets(columns), null, null);
  }

}
