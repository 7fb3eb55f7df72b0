package io.jointure.adapter;

import io.jointure.adapter.mongo.MongoSource;
import io.jointure.adapter.sql.SqlSource;
import io.jointure.model.MongoDatasourceConfig;
import io.jointure.model.SqlDatasourceConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Running sources of this process, one per distinct datasource configuration, so that every
 * connection to the same model shares one connection pool (or client) and one introspection
 * cache per datasource. Pools keep no idle connections, so sharing costs nothing when unused.
 */
public final class SourceRegistry {
  private static final SourceRegistry GLOBAL = new SourceRegistry();

  private final Map<SqlDatasourceConfig, SqlSource> sqlSources = new ConcurrentHashMap<>();
  private final Map<MongoDatasourceConfig, MongoSource> mongoSources = new ConcurrentHashMap<>();

  public static SourceRegistry global() {
    return GLOBAL;
  }

  public SqlSource sqlSource(SqlDatasourceConfig config) {
    return sqlSources.computeIfAbsent(config, SqlSource::new);
  }

  public MongoSource mongoSource(MongoDatasourceConfig config) {
    return mongoSources.computeIfAbsent(config, MongoSource::new);
  }

  /**
   * Closes every source's pool or client, for a process that is shutting down (a server on
   * SIGTERM). A source used again afterwards opens a new one.
   */
  public void closeAll() {
    sqlSources.values().forEach(SqlSource::close);
    mongoSources.values().forEach(MongoSource::close);
  }
}
