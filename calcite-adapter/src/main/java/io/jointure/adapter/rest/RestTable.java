package io.jointure.adapter.rest;

import io.jointure.adapter.KeySelectivity;
import io.jointure.adapter.KeyedTable;
import io.jointure.adapter.SqlTypeSpec;
import io.jointure.adapter.TableKeys;
import io.jointure.model.DeclaredColumn;
import io.jointure.model.DeclaredKeys;
import io.jointure.model.ExternalTarget;
import io.jointure.model.RestCollectionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A REST collection (or an External relation's records) as a table: every column nullable, the
 * declared row count and primary key as statistics.
 */
public final class RestTable extends AbstractTable implements TranslatableTable, KeyedTable,
    BuiltInMetadata.Selectivity.Handler {
  private static final Map<List<Object>, RestSource> EXTERNAL_SOURCES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final RestSource source;
  private final String name;
  private final DeclaredKeys declared;

  RestTable(RestSource source, String name, DeclaredKeys declared) {
    this.source = source;
    this.name = name;
    this.declared = declared;
  }

  /**
   * The records of an External relation as a table: the origin's key columns (with their types),
   * then the declared schema; fetched only for given keys, from the URL template or the function.
   *
   * @param sourceName names its requests in messages and the request log
   */
  public static RestTable forExternal(String sourceName, ExternalTarget target,
      List<SqlTypeSpec> keyTypes) {
    List<RestColumn> columns = new ArrayList<>();
    for (int i = 0; i < keyTypes.size(); i++) {
      columns.add(RestColumn.of(target.keyColumns().get(i), keyTypes.get(i)));
    }
    for (DeclaredColumn column : target.schema()) {
      columns.add(RestColumn.of(column.name(), SqlTypeSpec.of(column.type())));
    }
    RestCollection.Endpoint endpoint = target.function().isPresent()
        ? new RestCollection.JavaFunction(target.function().get())
        : target.graphQl().isPresent()
        ? new RestCollection.GraphQlDocument(target.url().orElseThrow(), target.graphQl().get(),
            target.records())
        : new RestCollection.UrlTemplate(target.url().orElseThrow(), target.records());
    RestCollection collection = new RestCollection(sourceName, List.copyOf(columns),
        keyTypes.size(), endpoint, RestCollectionConfig.DEFAULT_ROW_COUNT, Optional.empty());
    // One source per relation for the process, as for datasources: its client, its threads and
    // its concurrency limit are shared by every connection.
    RestSource source = EXTERNAL_SOURCES.computeIfAbsent(List.of(sourceName, target, keyTypes),
        k -> new RestSource(sourceName, target.http(), collection));
    return new RestTable(source, sourceName, DeclaredKeys.NONE);
  }

  /** The collection, described (its columns inferred) on first use. */
  RestCollection collection() {
    return source.collection(name);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (RestColumn column : collection().columns()) {
      builder.add(column.name(), typeFactory.createTypeWithNullability(
          column.type().toRelType(typeFactory), !column.notNull()));
    }
    return builder.build();
  }

  /** The collection's {@code primaryKey} (in its datasource's config) and the model's keys. */
  private TableKeys keys() {
    return TableKeys.of(collection().primaryKey().map(List::of).orElse(List.of()), List.of(),
        declared);
  }

  @Override
  public List<String> primaryKey() {
    return keys().primaryKey();
  }

  @Override
  public List<List<String>> uniqueKeys() {
    return keys().uniqueKeys();
  }

  @Override
  public Statistic getStatistic() {
    List<String> columns = collection().columns().stream().map(RestColumn::name).toList();
    return Statistics.of(collection().rowCount(), keys().bitSets(columns));
  }

  /** Calcite asks the table how selective a filter on its scan is (see {@link KeySelectivity}). */
  @Override
  public Double getSelectivity(RelNode scan, RelMetadataQuery mq, RexNode predicate) {
    return KeySelectivity.of(scan, mq, predicate);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return RestTableScan.create(context.getCluster(), relOptTable, source, collection());
  }
}
