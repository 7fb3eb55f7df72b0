package io.jointure.adapter.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import io.jointure.adapter.SqlTypeSpec;
import io.jointure.adapter.request.RequestLog;
import io.jointure.model.DeclaredColumn;
import io.jointure.model.MongoDatasourceConfig;
import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.SourceFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.Document;

/**
 * A MongoDB datasource at run time: its client (opened on first use), the collections' inferred
 * schemas (read once), its planner convention and request log. Shared by every Jointure connection
 * that uses the same configuration.
 */
public final class MongoSource implements AutoCloseable {
  private final MongoDatasourceConfig config;
  private final RequestLog requestLog = new RequestLog();
  private final MongoConvention convention;
  private MongoClient client;
  private Map<String, CollectionInfo> collections;

  public MongoSource(MongoDatasourceConfig config) {
    this.config = config;
    this.convention = new MongoConvention(this);
  }

  public String name() {
    return config.name();
  }

  public MongoDatasourceConfig config() {
    return config;
  }

  public RequestLog requestLog() {
    return requestLog;
  }

  public MongoConvention convention() {
    return convention;
  }

  synchronized MongoDatabase database() {
    if (client == null) {
      MongoClientSettings settings = MongoClientSettings.builder()
          .applyConnectionString(new ConnectionString(config.uri()))
          .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS))
          .applyToSocketSettings(b -> b.connectTimeout(10, TimeUnit.SECONDS))
          .applicationName("Jointure")
          .build();
      client = MongoClients.create(settings);
    }
    return client.getDatabase(config.database());
  }

  /** Why MongoDB does not answer {@code ping} now, or empty when it does. */
  public Optional<String> unreachable() {
    try {
      database().runCommand(new Document("ping", 1));
      return Optional.empty();
    } catch (MongoException e) {
      return Optional.of(failure("cannot reach the server", e).getMessage());
    }
  }

  /** Collections by name, with their columns: declared in the model, or inferred by sampling. */
  public synchronized Map<String, CollectionInfo> collections() {
    if (collections == null) {
      try {
        MongoDatabase db = database();
        Map<String, CollectionInfo> byName = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        db.listCollectionNames().into(names);
        for (String pinned : config.pinned().keySet()) {
          if (!names.contains(pinned)) {
            names.add(pinned);
          }
        }
        names.sort(null);
        for (String name : names) {
          if (!name.startsWith("system.")) {
            byName.put(name, describe(db.getCollection(name, BsonDocument.class), name));
          }
        }
        collections = byName;
      } catch (MongoException e) {
        throw failure("cannot read the list of collections", e);
      }
    }
    return collections;
  }

  private CollectionInfo describe(MongoCollection<BsonDocument> collection, String name) {
    SchemaInference inference = new SchemaInference();
    try (MongoCursor<BsonDocument> sample =
             collection.find().limit(config.sampleSize()).iterator()) {
      sample.forEachRemaining(inference::add);
    }
    List<MongoColumn> columns = inference.columns();
    List<DeclaredColumn> declared = config.pinned().get(name);
    if (declared != null) {
      // Declared types replace the inferred ones; the sample still says what the values are.
      columns = new ArrayList<>();
      for (DeclaredColumn column : declared) {
        columns.add(inference.column(column.name(), SqlTypeSpec.of(column.type())));
      }
    }
    return new CollectionInfo(name, List.copyOf(columns), collection.estimatedDocumentCount(),
        uniqueIndexes(collection, columns));
  }

  /**
   * The unique indexes that make keys: a sparse or partial index leaves documents out (any
   * number of them without the field), so it does not; nor does one on a field that is no
   * column (a relation or a query could not name it), or whose values are of mixed types.
   */
  private static List<List<String>> uniqueIndexes(MongoCollection<BsonDocument> collection,
      List<MongoColumn> columns) {
    // A field of mixed types (12 and "12", both '12' as VARCHAR) is unique in MongoDB, not in SQL.
    Set<String> paths = new HashSet<>();
    columns.stream().filter(MongoColumn::comparable).forEach(column -> paths.add(column.path()));
    List<List<String>> keys = new ArrayList<>();
    for (Document index : collection.listIndexes()) {
      Document fields = index.get("key", Document.class);
      if (!Boolean.TRUE.equals(index.getBoolean("unique")) || fields == null
          || Boolean.TRUE.equals(index.getBoolean("sparse"))
          || index.containsKey("partialFilterExpression")) {
        continue;
      }
      List<String> key = List.copyOf(fields.keySet());
      if (!key.equals(List.of("_id")) && paths.containsAll(key) && !keys.contains(key)) {
        keys.add(key);
      }
    }
    return List.copyOf(keys);
  }

  /**
   * An error naming this source and its address (without credentials), with the SQLSTATE of
   * what happened: unreachable, lost, timed out, refused credentials, or an error of MongoDB's.
   */
  SourceFailure failure(String what, Exception cause) {
    ErrorCode code;
    if (cause instanceof MongoTimeoutException || cause instanceof MongoSocketOpenException) {
      code = ErrorCode.UNABLE_TO_CONNECT;
    } else if (cause instanceof MongoSocketException) {
      code = ErrorCode.CONNECTION_FAILURE;
    } else if (cause instanceof MongoExecutionTimeoutException) {
      code = ErrorCode.QUERY_CANCELED;
    } else if (cause instanceof MongoSecurityException) {
      code = ErrorCode.INVALID_AUTHORIZATION;
    } else {
      code = ErrorCode.EXTERNAL_ROUTINE_EXCEPTION;
    }
    return new SourceFailure(code, name(), "datasource '" + name() + "' (" + config.safeUri()
        + ", database " + config.database() + "): " + what + ": " + cause.getMessage(), cause);
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
