package io.jointure.adapter.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.jointure.adapter.request.RequestLog;
import io.jointure.model.DatasourceType;
import io.jointure.model.SqlDatasourceConfig;
import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.JointureException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlDialectFactoryImpl;

/**
 * A SQL datasource at run time: its connection pool (opened on first use), dialect, planner
 * convention, introspected tables (read once) and request log. Shared by every Jointure
 * connection that uses the same datasource configuration.
 */
public final class SqlSource implements AutoCloseable {
  private final SqlDatasourceConfig config;
  private final RequestLog requestLog = new RequestLog();
  private final SourceCatalogReader catalogReader;
  private HikariDataSource pool;
  private SqlDialect dialect;
  private SourceConvention convention;
  private List<TableInfo> tables;
  /** Each running query's shared connection, by query. */
  private final Map<Object, Lease> leases = new HashMap<>();

  public SqlSource(SqlDatasourceConfig config) {
    this.config = config;
    this.catalogReader = config.type() == DatasourceType.POSTGRESQL
        ? new PostgresCatalogReader() : new JdbcMetadataCatalogReader();
  }

  public String name() {
    return config.name();
  }

  public SqlDatasourceConfig config() {
    return config;
  }

  public RequestLog requestLog() {
    return requestLog;
  }

  /** The URL without its query part, which may carry credentials: safe for messages. */
  public String safeUrl() {
    int query = config.url().indexOf('?');
    String url = query < 0 ? config.url() : config.url().substring(0, query);
    // Credentials written into the URL itself: user:password@host (MySQL, PostgreSQL),
    // scott/tiger@ (Oracle), ;password=... (SQL Server, H2).
    return url.replaceAll("//[^/@;?]*@", "//***@")
        .replaceAll(":[^:/@;?]+/[^@;?]*@", ":***@")
        .replaceAll("(?i)(;\\s*(password|pwd)\\s*=)[^;]*", "$1***");
  }

  /**
   * A pooled connection with autocommit off, so that PostgreSQL streams results in batches of
   * the fetch size instead of buffering them whole.
   */
  public Connection connect() {
    try {
      return pool().getConnection();
    } catch (SQLException e) {
      throw SourceException.unreachable(this, e);
    }
  }

  /**
   * The connection one query's cursors on this source share, taken from the pool by the first
   * and given back by the last to close (PostgreSQL serves several open cursors in one
   * transaction). A query holding two connections of one pool (a merge join of two of its
   * tables) could wait forever for the second once every connection is held by such a query;
   * with one each, the pool always frees up. Other databases' drivers may not stream two results
   * on one connection: each cursor takes its own, as before.
   */
  public Lease lease(Object query) {
    if (config.type() != DatasourceType.POSTGRESQL) {
      return new Lease(this, null, connect());
    }
    synchronized (leases) {
      Lease lease = leases.get(query);
      if (lease != null) {
        lease.users++;
        return lease;
      }
    }
    Connection connection = connect(); // outside the lock: the pool may make it wait
    synchronized (leases) {
      Lease lease = leases.get(query);
      if (lease != null) { // another cursor of the query (on a helper thread) got one meanwhile
        lease.users++;
        closeQuietly(connection);
        return lease;
      }
      lease = new Lease(this, query, connection);
      leases.put(query, lease);
      return lease;
    }
  }

  /** One query's use of a pooled connection; see {@link #lease}. */
  public static final class Lease {
    private final SqlSource source;
    private final Object query;
    private final Connection connection;
    private int users = 1;

    private Lease(SqlSource source, Object query, Connection connection) {
      this.source = source;
      this.query = query;
      this.connection = connection;
    }

    public Connection connection() {
      return connection;
    }

    /** A cursor is done with it; the last ends the transaction and gives it back. */
    public void release() throws SQLException {
      synchronized (source.leases) {
        if (--users > 0) {
          return;
        }
        if (query != null) {
          source.leases.remove(query);
        }
      }
      try (Connection c = connection) {
        c.rollback();
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // a connection never used: nothing to lose
    }
  }

  /** Pooled connections in use now: none once every query on this source has ended. */
  public synchronized int busyConnections() {
    return pool == null || pool.getHikariPoolMXBean() == null ? 0
        : pool.getHikariPoolMXBean().getActiveConnections();
  }

  private synchronized HikariDataSource pool() {
    if (pool == null) {
      HikariConfig hc = new HikariConfig();
      hc.setPoolName("jointure-" + name());
      hc.setJdbcUrl(config.url());
      config.user().ifPresent(hc::setUsername);
      config.password().ifPresent(hc::setPassword);
      hc.setMaximumPoolSize(config.maxPoolSize());
      hc.setMinimumIdle(0);
      hc.setAutoCommit(false);
      hc.setReadOnly(true);
      hc.setConnectionTimeout(10_000);
      // The pool opens with one connection attempt: a database that is down or misnamed fails
      // the query at once with its cause ("Connection refused", "database ... does not exist"),
      // not after the 10 s a query waits for a busy pool's next free connection.
      hc.setInitializationFailTimeout(1);
      if (config.type() == DatasourceType.POSTGRESQL) {
        // Strings bind as untyped, so PostgreSQL resolves them against uuid, json, enum columns.
        hc.addDataSourceProperty("stringtype", "unspecified");
        hc.addDataSourceProperty("ApplicationName", "Jointure");
        hc.addDataSourceProperty("connectTimeout", "10");
      }
      try {
        pool = new HikariDataSource(hc);
      } catch (HikariPool.PoolInitializationException e) {
        // No pool is kept: the next query tries again, as the database may be up by then.
        throw SourceException.unreachable(this, e.getCause() instanceof SQLException sql ? sql
            : new SQLException(e.getMessage(), "08001", e));
      } catch (RuntimeException e) {
        // HikariCP reports a URL no driver accepts as "Failed to get driver instance".
        for (Throwable t = e; t != null; t = t.getCause()) {
          if (t instanceof SQLException sql) {
            throw SourceException.unreachable(this, !"08001".equals(sql.getSQLState()) ? sql
                : new SQLException("no JDBC driver accepts this URL; add the driver's jar"
                    + " (jointure sql/serve/explain --driver-path <jar>, or the class path)",
                    "08001", sql));
          }
        }
        throw e;
      }
    }
    return pool;
  }

  public synchronized SqlDialect dialect() {
    if (dialect == null) {
      dialect = config.type() == DatasourceType.POSTGRESQL
          ? PostgresDialect.INSTANCE : configuredOrDetectedDialect();
    }
    return dialect;
  }

  private SqlDialect configuredOrDetectedDialect() {
    if (config.dialect().isPresent()) {
      String wanted = config.dialect().get().toUpperCase(Locale.ROOT);
      try {
        return SqlDialect.DatabaseProduct.valueOf(wanted).getDialect();
      } catch (IllegalArgumentException e) {
        throw new JointureException(ErrorCode.CONFIG_FILE_ERROR, "datasources." + name()
            + ".dialect: unknown dialect '"
            + config.dialect().get() + "'; use a Calcite database product name such as"
            + " postgresql, mysql, h2, hsqldb, oracle, mssql, ansi", e);
      }
    }
    try (Connection c = connect()) {
      return SqlDialectFactoryImpl.INSTANCE.create(c.getMetaData());
    } catch (SQLException e) {
      throw new SourceException(this, "cannot detect the SQL dialect", e);
    }
  }

  public synchronized SourceConvention convention() {
    if (convention == null) {
      convention = new SourceConvention(this, dialect());
    }
    return convention;
  }

  /** Tables of the configured schemas, introspected on first call and cached. */
  public synchronized List<TableInfo> tables() {
    if (tables == null) {
      try (Connection c = connect()) {
        tables = List.copyOf(catalogReader.read(c, config.schemas()));
        c.rollback();
      } catch (SQLException e) {
        throw new SourceException(this, "cannot read the list of tables", e);
      }
    }
    return tables;
  }

  @Override
  public synchronized void close() {
    if (pool != null) {
      pool.close();
      pool = null;
    }
  }
}
