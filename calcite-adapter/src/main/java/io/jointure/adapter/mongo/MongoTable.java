package io.jointure.adapter.mongo;

import io.jointure.adapter.KeyedTable;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A MongoDB collection as a table: its columns (every one nullable but {@code _id}), its document
 * count and {@code _id} uniqueness as statistics.
 */
public final class MongoTable extends AbstractTable implements TranslatableTable, KeyedTable,
    org.apache.calcite.rel.metadata.BuiltInMetadata.Selectivity.Handler {
  private final MongoSource source;
  private final CollectionInfo info;

  MongoTable(MongoSource source, CollectionInfo info) {
    this.source = source;
    this.info = info;
  }

  public CollectionInfo info() {
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
    return info.idColumn() < 0 ? List.of() : List.of("_id");
  }

  /** MongoDB's name for the index every collection has on {@code _id}. */
  @Override
  public String primaryKeyName() {
    return "_id_";
  }

  @Override
  public List<List<String>> uniqueKeys() {
    return info.idColumn() < 0 ? List.of() : List.of(List.of("_id"));
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (MongoColumn column : info.columns()) {
      RelDataType type = column.type().toRelType(typeFactory);
      builder.add(column.path(),
          typeFactory.createTypeWithNullability(type, !column.path().equals("_id")));
    }
    return builder.build();
  }

  @Override
  public Statistic getStatistic() {
    int id = info.idColumn();
    return Statistics.of((double) info.documentCount(),
        id < 0 ? List.of() : List.of(ImmutableBitSet.of(id)));
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new MongoTableScan(context.getCluster(),
        context.getCluster().traitSetOf(source.convention()), relOptTable, this);
  }
}
