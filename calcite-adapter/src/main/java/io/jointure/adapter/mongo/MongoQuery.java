package io.jointure.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCursor;
import io.jointure.adapter.request.SourceRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.bson.Document;

/**
 * One aggregation pipeline on one collection, ready to run: generated code calls
 * {@link #enumerable(DataContext)}; documents stream in batches of the datasource's batch size
 * and become rows of the output fields.
 */
public final class MongoQuery {
  private final MongoSource source;
  private final String collection;
  private final List<Document> pipeline;
  private final List<MongoField> fields;
  private final List<RelDataType> types;
  private final boolean scalarRows;

  MongoQuery(MongoSource source, String collection, List<Document> pipeline,
      List<MongoField> fields, List<RelDataType> types, boolean scalarRows) {
    this.source = source;
    this.collection = collection;
    this.pipeline = pipeline;
    this.fields = fields;
    this.types = types;
    this.scalarRows = scalarRows;
  }

  /** The request as MongoDB's shell would write it. */
  public String describe() {
    StringBuilder text = new StringBuilder("db.").append(collection).append(".aggregate([");
    for (int i = 0; i < pipeline.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(pipeline.get(i).toJson());
    }
    return text.append("])").toString();
  }

  /** Called by generated code. */
  public Enumerable<Object> enumerable(DataContext context) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        return new DocumentEnumerator(context);
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
      throw new IllegalStateException("datasource '" + source.name() + "', collection '"
          + collection + "', field '" + path + "': " + e.getMessage() + " (column types are"
          + " inferred from " + source.config().sampleSize() + " sample documents); declare the"
          + " column under datasources." + source.name() + ".collections." + collection
          + ".schema, or raise sampleSize", e);
    }
  }

  /** Runs the pipeline on first {@link #moveNext()}; closes the cursor on {@link #close()}. */
  private final class DocumentEnumerator implements Enumerator<Object> {
    private final DataContext context;
    private MongoCursor<Document> cursor;
    private Object current;
    private long rows;
    private boolean closed;

    DocumentEnumerator(DataContext context) {
      this.context = context;
    }

    @Override
    public Object current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      try {
        if (cursor == null) {
          var aggregate = source.database().getCollection(collection)
              .aggregate(pipeline).batchSize(source.config().batchSize());
          Object timeout = context.get(DataContext.Variable.TIMEOUT.camelName);
          if (timeout instanceof Long millis && millis > 0) {
            aggregate.maxTime(millis, TimeUnit.MILLISECONDS);
          }
          cursor = aggregate.iterator();
        }
        Object cancel = context.get(DataContext.Variable.CANCEL_FLAG.camelName);
        if (cancel instanceof AtomicBoolean cancelled && cancelled.get()) {
          throw new IllegalStateException("query cancelled");
        }
        if (!cursor.hasNext()) {
          return false;
        }
        current = row(cursor.next());
        rows++;
        return true;
      } catch (MongoException e) {
        close();
        throw source.failure("query failed: " + describe(), e);
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException("a MongoDB cursor cannot be restarted");
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (cursor != null) {
        cursor.close();
      }
      source.requestLog().record(new SourceRequest(source.name(), describe(), List.of(), rows));
    }
  }
}
