package io.jointure.adapter;

import io.jointure.adapter.mongo.MongoSource;
import io.jointure.adapter.rest.RestSource;
import io.jointure.adapter.sql.SqlSource;
import io.jointure.model.MongoDatasourceConfig;
import io.jointure.model.GraphQlDatasourceConfig;
import io.jointure.model.RestDatasourceConfig;
import io.jointure.model.SqlDatasourceConfig;
import java.util.List;
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
  private final Map<RestDatasourceConfig, RestSource> restSources = new ConcurrentHashMap<>();
  private final Map<GraphQlDatasourceConfig, RestSource> graphQlSources =
      new ConcurrentHashMap<>();

  public static SourceRegistry global() {
    return GLOBAL;
  }

  public SqlSource sqlSource(SqlDatasourceConfig config) {
    return sqlSources.computeIfAbsent(config, SqlSource::new);
  }

  public MongoSource mongoSource(MongoDatasourceConfig config) {
    return mongoSources.computeIfAbsent(config, MongoSource::new);
  }

  public RestSource restSource(RestDatasourceConfig config) {
    return restSources.computeIfAbsent(config, RestSource::new);
  }

  /** A GraphQL API is an HTTP source whose collections come from introspection. */
  public RestSource graphQlSource(GraphQlDatasourceConfig config) {
    return graphQlSources.computeIfAbsent(config, RestSource::new);
  }

  /**
   * Closes every source's pool, client or threads and forgets them, for a process that is
   * shutting down (a server on SIGTERM). Connections opened afterwards get new sources.
   */
  public void closeAll() {
    closeAndForget(sqlSources);
    closeAndForget(mongoSources);
    closeAndForget(restSources);
    closeAndForget(graphQlSources);
  }

  private static <C, S extends AutoCloseable> void closeAndForget(Map<C, S> sources) {
    for (C config : List.copyOf(sources.keySet())) {
      S source = sources.remove(config);
      if (source != null) {
        try {
          source.close();
        } catch (Exception e) {
          // Shutting down: a source that fails to close is left to the process's end.
        }
      }
    }
  }
}
