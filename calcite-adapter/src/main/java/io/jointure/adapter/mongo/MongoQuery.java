package io.jointure.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import io.jointure.adapter.KeyLookup;
import io.jointure.adapter.execution.SourceCursor;
import io.jointure.adapter.request.SourceRequest;
import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.SourceFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * One aggregation pipeline on one collection, ready to run: generated code calls
 * {@link #enumerable(DataContext)}; documents stream in batches of the datasource's batch size
 * and become rows of the output fields. A pipeline that is a plain query ({@code $match},
 * {@code $sort}, {@code $skip}, {@code $limit}, {@code $project}, in that order) runs as the
 * equivalent {@code find}, which MongoDB plans the same way and every server streams in batches
 * (the in-process test server sends an aggregation's whole result in one reply).
 */
public final class MongoQuery {
  private final MongoSource source;
  private final String collection;
  private final List<Document> pipeline;
  private final List<MongoField> fields;
  private final List<RelDataType> types;
  private final boolean scalarRows;
  /** Whether the pipeline compares fields with parameters, bound when the query runs. */
  private final boolean hasParameters;

  MongoQuery(MongoSource source, String collection, List<Document> pipeline,
      List<MongoField> fields, List<RelDataType> types, boolean scalarRows) {
    this.source = source;
    this.collection = collection;
    this.pipeline = pipeline;
    this.fields = fields;
    this.types = types;
    this.scalarRows = scalarRows;
    this.hasParameters = MongoParameter.anyIn(pipeline);
  }

  /** The request as MongoDB's shell would write it; parameters not yet bound show as ?0. */
  public String describe() {
    List<Document> pipeline = hasParameters ? MongoParameter.shown(this.pipeline) : this.pipeline;
    FindShape find = FindShape.of(pipeline);
    if (find != null) {
      StringBuilder text = new StringBuilder("db.").append(collection).append(".find(")
          .append(find.filter.toJson(MongoParameter.SHOWN)).append(", ")
          .append(find.projection.toJson(MongoParameter.SHOWN)).append(')');
      if (find.sort != null) {
        text.append(".sort(").append(find.sort.toJson(MongoParameter.SHOWN)).append(')');
      }
      if (find.skip != null) {
        text.append(".skip(").append(find.skip).append(')');
      }
      if (find.limit != null) {
        text.append(".limit(").append(find.limit).append(')');
      }
      return text.toString();
    }
    StringBuilder text = new StringBuilder("db.").append(collection).append(".aggregate([");
    for (int i = 0; i < pipeline.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(pipeline.get(i).toJson(MongoParameter.SHOWN));
    }
    return text.append("])").toString();
  }

  /** A pipeline's stages as the parts of a {@code find}, or null if it is no plain query. */
  private record FindShape(Document filter, Document projection, Document sort, Integer skip,
      Integer limit) {
    private static final List<String> ORDER = List.of("$match", "$sort", "$skip", "$limit",
        "$project");

    static FindShape of(List<Document> pipeline) {
      Document[] parts = new Document[ORDER.size()];
      int last = -1;
      for (Document stage : pipeline) {
        int at = ORDER.indexOf(stage.keySet().iterator().next());
        if (at <= last) {
          return null; // another kind of stage, or out of order
        }
        parts[at] = stage;
        last = at;
      }
      if (parts[4] == null || parts[4].get("$project", Document.class).values().stream()
          .anyMatch(v -> !(v instanceof Integer))) {
        return null; // the final projection must be plain inclusions and exclusions
      }
      return new FindShape(parts[0] == null ? new Document() : parts[0].get("$match", Document.class),
          parts[4].get("$project", Document.class),
          parts[1] == null ? null : parts[1].get("$sort", Document.class),
          parts[2] == null ? null : parts[2].getInteger("$skip"),
          parts[3] == null ? null : parts[3].getInteger("$limit"));
    }
  }

  /** Sends the query, for MongoDB to stop after {@code maxMillis} (0: no limit). */
  private MongoCursor<Document> open(long maxMillis) {
    MongoCollection<Document> documents = source.database().getCollection(collection);
    int batchSize = source.config().batchSize();
    FindShape find = FindShape.of(pipeline);
    if (find != null) {
      FindIterable<Document> query = documents.find(find.filter).projection(find.projection)
          .batchSize(batchSize).maxTime(maxMillis, TimeUnit.MILLISECONDS);
      if (find.sort != null) {
        query.sort(find.sort);
      }
      if (find.skip != null) {
        query.skip(find.skip);
      }
      if (find.limit != null) {
        query.limit(find.limit);
      }
      return query.iterator();
    }
    return documents.aggregate(pipeline).batchSize(batchSize)
        .maxTime(maxMillis, TimeUnit.MILLISECONDS).iterator();
  }

  /** Whether MongoDB compares the values of output field {@code i} as SQL does. */
  boolean comparableField(int i) {
    return fields.get(i).comparable();
  }

  /**
   * This query restricted to documents whose key fields hold one of a list of keys:
   * {@code {$match: {<field>: {$in: [...]}}}} for one key field, {@code {$match: {$or: [{<f1>:
   * v1, <f2>: v2}, ...]}}} for a composite key, added after the query's own stages (before its
   * final projection), merged into its last {@code $match} when there is one there.
   */
  public KeyLookup keyLookup(List<Integer> keyColumns) {
    List<MongoField> keyFields = keyColumns.stream().map(fields::get).toList();
    return new KeyLookup() {
      @Override
      public Enumerable<Object> rowsWithKeys(DataContext context, List<Object[]> keys) {
        return restricted(keyFields, keys).enumerable(context);
      }

      @Override
      public Enumerable<Object> allRows(DataContext context) {
        return enumerable(context);
      }

      @Override
      public String describe() {
        Object[] placeholder = new Object[keyFields.size()];
        Arrays.fill(placeholder, "?");
        return restricted(keyFields, List.<Object[]>of(placeholder)).describe();
      }
    };
  }

  private MongoQuery restricted(List<MongoField> keyFields, List<Object[]> keys) {
    Document match;
    if (keyFields.size() == 1) {
      MongoField field = keyFields.get(0);
      List<Object> values = new ArrayList<>(keys.size());
      for (Object[] key : keys) {
        values.add(bsonKey(field, key[0]));
      }
      match = new Document(field.path(), new Document("$in", values));
    } else {
      List<Document> alternatives = new ArrayList<>(keys.size());
      for (Object[] key : keys) {
        Document alternative = new Document();
        for (int i = 0; i < keyFields.size(); i++) {
          alternative.append(keyFields.get(i).path(), bsonKey(keyFields.get(i), key[i]));
        }
        alternatives.add(alternative);
      }
      match = new Document("$or", alternatives);
    }
    List<Document> stages = new ArrayList<>(pipeline);
    int projection = stages.size() - 1;
    Document before = projection > 0 ? stages.get(projection - 1) : null;
    if (before != null && before.containsKey("$match")) {
      stages.set(projection - 1, new Document("$match", new Document("$and",
          List.of(before.get("$match", Document.class), match))));
    } else {
      stages.add(projection, new Document("$match", match));
    }
    return new MongoQuery(source, collection, List.copyOf(stages), fields, types, scalarRows);
  }

  /** A key value as the field stores it: an ObjectId from its hex text, a Decimal128. */
  private static Object bsonKey(MongoField field, Object key) {
    return field.objectId() && key instanceof String hex && ObjectId.isValid(hex)
        ? new ObjectId(hex) : key instanceof java.math.BigDecimal d
            ? new org.bson.types.Decimal128(d) : key;
  }

  /** Called by generated code. */
  public Enumerable<Object> enumerable(DataContext context) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        MongoQuery bound = !hasParameters ? MongoQuery.this : new MongoQuery(source, collection,
            MongoParameter.bind(pipeline, context), fields, types, scalarRows);
        return bound.new DocumentEnumerator(context);
      }
    };
  }

  private Object row(Document document) {
    if (scalarRows) {
      return value(document, 0);
    }
    Object[] row = new Object[fields.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = value(document, i);
    }
    return row;
  }

  private Object value(Document document, int i) {
    String path = fields.get(i).path();
    try {
      return MongoValues.toInternal(MongoValues.at(document, path), types.get(i));
    } catch (IllegalArgumentException e) {
      throw new SourceFailure(ErrorCode.DATA_EXCEPTION, source.name(), "datasource '"
          + source.name() + "', collection '" + collection + "', field '" + path + "': "
          + e.getMessage() + " (column types are"
          + " inferred from " + source.config().sampleSize() + " sample documents); declare the"
          + " column under datasources." + source.name() + ".collections." + collection
          + ".schema, or raise sampleSize", e);
    }
  }

  /**
   * Runs the pipeline on first {@link #moveNext()}; closes the cursor (MongoDB's
   * {@code killCursors}) on {@link #close()}. MongoDB stops the pipeline itself at the query's
   * deadline ({@code maxTimeMS}).
   */
  private final class DocumentEnumerator extends SourceCursor {
    private MongoCursor<Document> cursor;

    DocumentEnumerator(DataContext context) {
      super(context);
    }

    @Override
    protected void open() {
      cursor = MongoQuery.this.open(control.remainingMillis());
    }

    @Override
    protected boolean advance() {
      return cursor.hasNext();
    }

    @Override
    protected Object read() {
      return row(cursor.next());
    }

    @Override
    protected RuntimeException failure(Exception e) {
      return e instanceof MongoException mongo
          ? source.failure("reading collection " + collection + " failed", mongo) : unchecked(e);
    }

    @Override
    protected void release() {
      if (cursor != null) {
        cursor.close();
      }
    }

    @Override
    protected void logRequest(long rows) {
      source.requestLog().record(new SourceRequest(source.name(), describe(), List.of(), rows));
    }
  }
}
