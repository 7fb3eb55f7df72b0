package io.jointure.adapter.rest;

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
 * The SQL schema of one REST datasource: one table per declared collection. Nothing is requested
 * until a table's columns are first needed (and then only if they are inferred).
 */
public final class RestSchema extends AbstractSchema implements DatasourceSchema {
  private final RestSource source;
  /** Keys the model declares for this datasource's collections, by collection name. */
  private final Map<String, DeclaredKeys> declaredKeys;
  private Map<String, Table> tables;

  public RestSchema(RestSource source, Map<String, DeclaredKeys> declaredKeys) {
    this.source = source;
    this.declaredKeys = Map.copyOf(declaredKeys);
  }

  @Override
  public RequestLog requestLog() {
    return source.requestLog();
  }

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
      for (String name : source.collectionNames()) {
        byName.put(name, new RestTable(source, name,
            declaredKeys.getOrDefault(name, DeclaredKeys.NONE)));
      }
      tables = Collections.unmodifiableMap(byName);
    }
    return tables;
  }
}
