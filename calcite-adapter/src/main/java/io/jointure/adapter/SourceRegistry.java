package io.jointure.adapter;

import io.jointure.adapter.sql.SqlSource;
import io.jointure.model.DatasourceConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Running sources of this process, one per distinct datasource configuration, so that every
 * connection to the same model shares one connection pool and one introspection cache per
 * datasource. Pools keep no idle connections, so sharing costs nothing when unused.
 */
public final class SourceRegistry {
  private static final SourceRegistry GLOBAL = new SourceRegistry();

  private final Map<DatasourceConfig, SqlSource> sources = new ConcurrentHashMap<>();

  public static SourceRegistry global() {
    return GLOBAL;
  }

  public SqlSource sqlSource(DatasourceConfig config) {
    return sources.computeIfAbsent(config, SqlSource::new);
  }
}
