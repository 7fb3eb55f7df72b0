package io.jointure.server;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.remote.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the Avatica protocol: one embedded Jointure connection per client
 * connection, all to the server's model. Logs each query's duration at debug level.
 */
final class ServerMeta extends JdbcMeta {
  private static final Logger LOG = LoggerFactory.getLogger(ServerMeta.class);

  ServerMeta(String jdbcUrl, Properties settings) throws SQLException {
    super(jdbcUrl, settings);
  }

  /**
   * Opens the client's connection with the server's settings only: a client's own properties
   * could name another model (any file on the server, or any database through an inline one).
   */
  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> clientProperties) {
    super.openConnection(ch, Map.of());
    LOG.debug("connection {} opened", ch.id);
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    super.closeConnection(ch);
    LOG.debug("connection {} closed", ch.id);
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      int maxRowsInFirstFrame, PrepareCallback callback) throws NoSuchStatementException {
    long start = System.nanoTime();
    boolean failed = true;
    try {
      ExecuteResult result =
          super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback);
      failed = false;
      return result;
    } finally {
      logQuery(h, sql, start, failed);
    }
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      int maxRowsInFirstFrame) throws NoSuchStatementException {
    long start = System.nanoTime();
    boolean failed = true;
    try {
      ExecuteResult result = super.execute(h, parameterValues, maxRowsInFirstFrame);
      failed = false;
      return result;
    } finally {
      logQuery(h, h.signature == null ? "(prepared statement " + h.id + ")" : h.signature.sql,
          start, failed);
    }
  }

  private static void logQuery(StatementHandle h, String sql, long startNanos, boolean failed) {
    if (LOG.isDebugEnabled()) {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      LOG.debug("connection {}: query {} in {} ms (to its first rows): {}", h.connectionId,
          failed ? "failed" : "ran", millis, sql);
    }
  }

  /** Client connections open now. */
  long openConnections() {
    getConnectionCache().cleanUp();
    return getConnectionCache().size();
  }

  /** Closes every client's connection (their statements and source work with them). */
  void closeAll() {
    getConnectionCache().invalidateAll();
    getConnectionCache().cleanUp();
  }
}
