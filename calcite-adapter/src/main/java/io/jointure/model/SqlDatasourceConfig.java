package io.jointure.model;

import java.util.List;
import java.util.Optional;

/**
 * A SQL datasource ({@code type: postgresql} or {@code type: jdbc}), validated. Secrets ({@link #password}) are never printed:
 * {@link #toString()} leaves them out.
 *
 * @param name      the datasource's name, which is also its SQL schema name
 * @param type      what kind of source it is
 * @param url       JDBC URL of a SQL source
 * @param user      user name, if any
 * @param password  password, if any
 * @param schemas   database schemas to expose (PostgreSQL; default {@code [public]})
 * @param dialect   SQL dialect of a generic JDBC source, if it cannot be detected
 * @param fetchSize rows fetched per round trip while streaming results
 * @param maxPoolSize largest number of connections Jointure opens to this source
 */
public record SqlDatasourceConfig(
    String name,
    DatasourceType type,
    String url,
    Optional<String> user,
    Optional<String> password,
    List<String> schemas,
    Optional<String> dialect,
    int fetchSize,
    int maxPoolSize) implements DatasourceConfig {

  public static final int DEFAULT_FETCH_SIZE = 1000;
  public static final int DEFAULT_MAX_POOL_SIZE = 8;

  @Override
  public String toString() {
    return "SqlDatasourceConfig[name=" + name + ", type=" + type.modelName() + ", url=" + url
        + ", user=" + user.orElse("") + ", schemas=" + schemas + "]";
  }
}
