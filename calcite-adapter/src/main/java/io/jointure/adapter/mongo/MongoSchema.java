package io.jointure.adapter.mongo;

import io.jointure.adapter.DatasourceSchema;
import io.jointure.adapter.request.RequestLog;
import io.jointure.model.DeclaredKeys;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The SQL schema of one MongoDB datasource: one table per collection. Nothing is read from
 * MongoDB until a table is first looked up.
 */
public final class MongoSchema extends AbstractSchema implements DatasourceSchema {
  private final MongoSource source;
  /** Keys the model declares for this datasource's collections, by collection name. */
  private final Map<String, DeclaredKeys> declaredKeys;
  private Map<String, Table> tables;

  public MongoSchema(MongoSource source, Map<String, DeclaredKeys> declaredKeys) {
    this.source = source;
    this.declaredKeys = Map.copyOf(declaredKeys);
  }

  public MongoSource source() {
    return source;
  }

  @Override
  public RequestLog requestLog() {
    return source.requestLog();
  }

  /** MongoDB's {@code ping}. */
  @Override
  public Optional<String> unreachable() {
    return source.unreachable();
  }

  @Override
  public boolean isMutable() {
    return false;
  }

  @Override
  protected synchronized Map<String, Table> getTableMap() {
    if (tables == null) {
      Map<String, Table> byName = new LinkedHashMap<>();
      source.collections().forEach((name, info) -> byName.put(name, new MongoTable(source, info,
          declaredKeys.getOrDefault(name, DeclaredKeys.NONE))));
      tables = Collections.unmodifiableMap(byName);
    }
    return tables;
  }
}
