package io.jointure.adapter.mongo;

import io.jointure.adapter.KeyLookup;
import io.jointure.adapter.KeyLookupConvention;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;

/**
 * The planner convention of one MongoDB source: operators in it run inside that source as one
 * aggregation pipeline. Registers the source's rules when the planner first meets it.
 */
public final class MongoConvention extends Convention.Impl implements KeyLookupConvention {
  private final MongoSource source;

  MongoConvention(MongoSource source) {
    super("MONGO." + source.name(), MongoRel.class);
    this.source = source;
  }

  public MongoSource source() {
    return source;
  }

  @Override
  public boolean canLookup(RelNode rel, int keyColumn) {
    return MongoToEnumerableConverter.canLookup(rel, keyColumn);
  }

  @Override
  public KeyLookup keyLookup(RelNode rel, List<Integer> keyColumns) {
    return MongoToEnumerableConverter.keyLookup(rel, keyColumns);
  }

  @Override
  public void register(RelOptPlanner planner) {
    for (RelOptRule rule : MongoRules.rules(this)) {
      planner.addRule(rule);
    }
  }
}
