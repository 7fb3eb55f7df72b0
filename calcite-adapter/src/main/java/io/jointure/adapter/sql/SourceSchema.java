package io.jointure.adapter.sql;

import io.jointure.adapter.DatasourceSchema;
import io.jointure.adapter.request.RequestLog;
import io.jointure.model.DeclaredKeys;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The SQL schema of one SQL datasource: one table per table or view of the source. Tables of the
 * first listed database schema keep their names; tables of the other listed schemas are named
 * {@code <schema>.<table>}. Nothing is read from the source until a table is first looked up.
 */
public final class SourceSchema extends AbstractSchema implements DatasourceSchema {
  private final SqlSource source;
  /** Keys the model declares for this datasource's collections, by collection name. */
  private final Map<String, DeclaredKeys> declaredKeys;
  private Map<String, SourceTable> tables;

  public SourceSchema(SqlSource source, Map<String, DeclaredKeys> declaredKeys) {
    this.source = source;
    this.declaredKeys = Map.copyOf(declaredKeys);
  }

  public SqlSource source() {
    return source;
  }

  @Override
  public RequestLog requestLog() {
    return source.requestLog();
  }

  /** A pooled connection taken and given back. */
  @Override
  public Optional<String> unreachable() {
    try (Connection ignored = source.connect()) {
      return Optional.empty();
    } catch (SourceException | SQLException e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public boolean isMutable() {
    return false;
  }

  @Override
  protected synchronized Map<String, Table> getTableMap() {
    return Collections.unmodifiableMap(sourceTables());
  }

  /** Tables by their SQL name, in the source's order. */
  public synchronized Map<String, SourceTable> sourceTables() {
    if (tables == null) {
      List<TableInfo> infos = source.tables();
      String firstSchema = infos.isEmpty() ? null : source.config().schemas().isEmpty()
          ? infos.get(0).nativeSchema() : source.config().schemas().get(0);
      Map<String, SourceTable> byName = new LinkedHashMap<>();
      for (TableInfo info : infos) {
        String name = info.nativeSchema() == null || info.nativeSchema().equals(firstSchema)
            ? info.nativeName() : info.nativeSchema() + "." + info.nativeName();
        byName.put(name, new SourceTable(source, name, info,
            declaredKeys.getOrDefault(name, DeclaredKeys.NONE)));
      }
      tables = byName;
    }
    return tables;
  }

  /** The SQL name of a table given its native schema and name, if it is exposed. */
  public Optional<String> sqlName(String nativeSchema, String nativeName) {
    return sourceTables().entrySet().stream()
        .filter(e -> e.getValue().info().nativeName().equals(nativeName)
            && (nativeSchema == null || nativeSchema.equals(e.getValue().info().nativeSchema())))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
