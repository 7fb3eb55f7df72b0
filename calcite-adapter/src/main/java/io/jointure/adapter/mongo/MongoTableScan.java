package io.jointure.adapter.mongo;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/** A scan of a MongoDB collection: the start of a pipeline. */
public final class MongoTableScan extends TableScan implements MongoRel {
  private final MongoTable mongoTable;

  MongoTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      MongoTable mongoTable) {
    super(cluster, traits, ImmutableList.of(), table);
    this.mongoTable = mongoTable;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new MongoTableScan(getCluster(), traitSet, getTable(), mongoTable);
  }

  @Override
  public void implement(MongoImplementor implementor) {
    CollectionInfo info = mongoTable.info();
    implementor.collection = info.name();
    List<MongoField> fields = new ArrayList<>();
    for (MongoColumn column : info.columns()) {
      fields.add(new MongoField(column.path(), column.objectIds(), column.comparable()));
    }
    implementor.fields = fields;
  }
}
