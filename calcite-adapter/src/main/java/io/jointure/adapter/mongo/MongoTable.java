package io.jointure.adapter.mongo;

import io.jointure.adapter.KeyedTable;
import io.jointure.adapter.TableKeys;
import io.jointure.model.DeclaredKeys;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A MongoDB collection as a table: its columns (every one nullable but {@code _id}), its document
 * count, and its keys ({@code _id} and its unique indexes) as statistics.
 */
public final class MongoTable extends AbstractTable implements TranslatableTable, KeyedTable,
    org.apache.calcite.rel.metadata.BuiltInMetadata.Selectivity.Handler {
  private final MongoSource source;
  private final CollectionInfo info;
  private final TableKeys keys;

  MongoTable(MongoSource source, CollectionInfo info, DeclaredKeys declared) {
    this.source = source;
    this.info = info;
    List<List<String>> unique = new ArrayList<>();
    if (info.idColumn() >= 0) {
      unique.add(List.of("_id"));
    }
    unique.addAll(info.uniqueIndexes());
    this.keys = TableKeys.of(info.idColumn() < 0 ? List.of() : List.of("_id"), unique, declared);
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
    return keys.primaryKey();
  }

  /** MongoDB's name for the index every collection has on {@code _id}. */
  @Override
  public String primaryKeyName() {
    return "_id_";
  }

  /** {@code _id}, the collection's unique indexes that are keys, and the model's keys. */
  @Override
  public List<List<String>> uniqueKeys() {
    return keys.uniqueKeys();
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
    List<String> paths = info.columns().stream().map(MongoColumn::path).toList();
    return Statistics.of((double) info.documentCount(), keys.bitSets(paths));
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new MongoTableScan(context.getCluster(),
        context.getCluster().traitSetOf(source.convention()), relOptTable, this);
  }
}
