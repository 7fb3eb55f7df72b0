package io.jointure.adapter.mongo;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
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
import org.bson.Document;

/**
 * The bridge from a MongoDB source's convention to Calcite's executor: turns the operators below
 * it into one aggregation pipeline, ending with a {@code $project} of the fields the query needs,
 * and runs it through a {@link MongoQuery}. EXPLAIN shows the pipeline.
 */
public final class MongoToEnumerableConverter extends ConverterImpl implements EnumerableRel {
  MongoToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, ConventionTraitDef.INSTANCE, traits, input);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new MongoToEnumerableConverter(getCluster(), traitSet, sole(inputs));
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return SourceBridges.transferCost(super.computeSelfCost(planner, mq), this);
  }

  private MongoSource source() {
    return ((MongoConvention) getInput().getConvention()).source();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    RelWriter writer = super.explainTerms(pw).item("source", source().name());
    if (!SourceBridges.canShowRequest(pw, getInput())) {
      return writer;
    }
    return writer.item("request", query(false).describe());
  }

  /** Builds the pipeline for the operators below this converter. */
  MongoQuery query(boolean scalarRows) {
    MongoImplementor implementor = new MongoImplementor();
    implementor.visitInput((MongoRel) getInput());
    List<Document> pipeline = new ArrayList<>(implementor.stages);
    pipeline.add(new Document("$project", finalProjection(implementor.fields)));
    List<RelDataType> types = new ArrayList<>();
    for (RelDataTypeField field : getRowType().getFieldList()) {
      types.add(field.getType());
    }
    return new MongoQuery(source(), implementor.collection, List.copyOf(pipeline),
        List.copyOf(implementor.fields), types, scalarRows);
  }

  /**
   * Keeps only the needed fields. A path under another kept path is left out, as MongoDB
   * refuses both ({@code address} and {@code address.city}); {@code _id} goes unless needed.
   */
  private static Document finalProjection(List<MongoField> fields) {
    Document project = new Document();
    boolean id = false;
    for (MongoField field : fields) {
      String path = field.path();
      id |= path.equals("_id") || path.startsWith("_id.");
      boolean covered = fields.stream().anyMatch(other ->
          !other.path().equals(path) && path.startsWith(other.path() + "."));
      if (!covered && !project.containsKey(path)) {
        project.append(path, 1);
      }
    }
    if (project.isEmpty()) {
      project.append("_id", 1); // nothing needed but the count: send the smallest field
    } else if (!id) {
      project.append("_id", 0);
    }
    return project;
  }

  /**
   * A key lookup over operators planned for a MongoDB source, or null when the key's type cannot
   * be matched with {@code $in} as SQL compares it.
   */
  public static KeyLookup keyLookup(RelNode sourceRel, List<Integer> keyColumns) {
    for (int keyColumn : keyColumns) {
      if (!canLookup(sourceRel, keyColumn)) {
        return null;
      }
    }
    MongoToEnumerableConverter bridge = new MongoToEnumerableConverter(sourceRel.getCluster(),
        sourceRel.getTraitSet().replace(org.apache.calcite.adapter.enumerable
            .EnumerableConvention.INSTANCE), sourceRel);
    MongoQuery query = bridge.query(false);
    for (int keyColumn : keyColumns) {
      if (!query.comparableField(keyColumn)) {
        return null;
      }
    }
    return query.keyLookup(keyColumns);
  }

  /**
   * Whether a MongoDB source can be asked for the rows of {@code rel} (planned or still being
   * planned) whose column {@code keyColumn} is in a list: a number or string field whose values
   * MongoDB compares as SQL does.
   */
  public static boolean canLookup(RelNode rel, int keyColumn) {
    switch (rel.getRowType().getFieldList().get(keyColumn).getType().getSqlTypeName()) {
      case INTEGER, BIGINT, SMALLINT, VARCHAR, CHAR, DECIMAL:
        break;
      default:
        return false;
    }
    return MongoRules.fieldsOf(rel).get(keyColumn).comparable();
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    return SourceBridges.implement(implementor, this, this::query, MongoQuery.class);
  }
}
