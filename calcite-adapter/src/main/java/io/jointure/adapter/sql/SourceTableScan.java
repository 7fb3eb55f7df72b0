package io.jointure.adapter.sql;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.apache.calcite.adapter.jdbc.JdbcImplementor;
import org.apache.calcite.adapter.jdbc.JdbcRel;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.rel2sql.SqlImplementor;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A scan of a {@link SourceTable}, born in the source's convention so Calcite's JDBC rules push
 * filters, projections, sorts, aggregates and same-source joins above it into one SQL query.
 */
public final class SourceTableScan extends TableScan implements JdbcRel {
  private final SourceTable sourceTable;

  SourceTableScan(RelOptCluster cluster, RelOptTable table, SourceTable sourceTable) {
    this(cluster, cluster.traitSetOf(sourceTable.source().convention()), table, sourceTable);
  }

  private SourceTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      SourceTable sourceTable) {
    super(cluster, traits, ImmutableList.of(), table);
    this.sourceTable = sourceTable;
  }

  public SourceTable sourceTable() {
    return sourceTable;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new SourceTableScan(getCluster(), traitSet, getTable(), sourceTable);
  }

  /** The table's name as the source knows it, schema-qualified. */
  SqlIdentifier nativeName() {
    TableInfo info = sourceTable.info();
    List<String> names = info.nativeSchema() == null ? List.of(info.nativeName())
        : List.of(info.nativeSchema(), info.nativeName());
    return new SqlIdentifier(names, SqlParserPos.ZERO);
  }

  @Override
  public JdbcImplementor.Result implement(JdbcImplementor implementor) {
    return implementor.result(nativeName(), ImmutableList.of(SqlImplementor.Clause.FROM), this,
        null);
  }
}
