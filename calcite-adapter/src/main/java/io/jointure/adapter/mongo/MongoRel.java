package io.jointure.adapter.mongo;

import org.apache.calcite.rel.RelNode;

/**
 * A relational operator that runs in MongoDB as stages of one aggregation pipeline. Each adds its
 * stages to the {@link MongoImplementor} and says where its output fields live.
 */
public interface MongoRel extends RelNode {
  void implement(MongoImplementor implementor);
}
