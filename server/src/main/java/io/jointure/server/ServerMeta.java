package io.jointure.server;

import io.jointure.jdbc.JointureDriver;
import io.jointure.model.Model;
import io.jointure.sql.errors.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the Avatica protocol: one embedded Jointure connection per client
 * connection, all to the server's model. Logs each query's duration at debug level.
 */
final class ServerMeta extends JdbcMeta {
  private static final Logger LOG = LoggerFactory.getLogger(ServerMeta.class);

  private final Model model;
  private final Properties properties;

  /**
   * @param model      the server's model, read once
   * @param properties the connection properties of the server's URL, but the model
   */
  ServerMeta(String jdbcUrl, Model model, Properties properties) throws SQLException {
    super(jdbcUrl, new Properties());
    this.model = model;
    this.properties = properties;
  }

  /** Every client connection opens the server's model, as the server read it at start. */
  @Override
  protected Connection createConnection(String url, Properties info) throws SQLException {
    Properties connection = new Properties();
    connection.putAll(properties);
    // A remote user's name and password (BASIC login) mean nothing to the sources.
    return JointureDriver.connect(model, connection);
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
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    try {
      return super.prepare(ch, sql, maxRowCount);
    } catch (RuntimeException e) {
      throw withoutInternals(e);
    } catch (Error e) {
      throw reported(e);
    }
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
    } catch (RuntimeException e) {
      throw withoutInternals(e);
    } catch (Error e) {
      throw reported(e);
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
    } catch (RuntimeException e) {
      throw withoutInternals(e);
    } catch (Error e) {
      throw reported(e);
    } finally {
      logQuery(h, h.signature == null ? "(prepared statement " + h.id + ")" : h.signature.sql,
          start, failed);
    }
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    try {
      return super.fetch(h, offset, fetchMaxRowCount);
    } catch (RuntimeException e) {
      throw withoutInternals(e);
    } catch (Error e) {
      throw reported(e);
    }
  }

  /**
   * An error inside the engine (a failed planner assertion, say) as a failure of this request
   * that the client sees with its message. Avatica's handlers answer exceptions only; an error
   * would reach the client as an HTTP 500 page it cannot read.
   */
  private static RuntimeException reported(Error e) {
    if (e instanceof VirtualMachineError) {
      throw e; // out of memory and the like: nothing sensible to answer
    }
    LOG.warn("internal error", e);
    return new RuntimeException(new SQLException("Jointure internal error (please report it"
        + " with the query): " + e, ErrorCode.INTERNAL_ERROR.sqlState(), e));
  }

  /**
   * A failure as remote clients see it: its message (once) and PostgreSQL's SQLSTATE, which
   * Avatica's protocol carries only from this exception type. Avatica also sends the stack traces
   * of what it is given, which would show the server's internals (and, through causes, details
   * of the sources) to every client; the server's debug log keeps them.
   */
  private static RuntimeException withoutInternals(RuntimeException e) {
    LOG.debug("query failed", e);
    SQLException sql = null;
    for (Throwable t = e; t != null && sql == null; t = t.getCause()) {
      if (t instanceof SQLException found) {
        sql = found;
      }
    }
    String message = sql != null ? sql.getMessage() : String.valueOf(e.getMessage());
    String state = sql != null && sql.getSQLState() != null ? sql.getSQLState()
        : ErrorCode.INTERNAL_ERROR.sqlState();
    AvaticaRuntimeException clean = new AvaticaRuntimeException(message,
        sql == null ? 0 : sql.getErrorCode(), state, AvaticaSeverity.ERROR);
    clean.setStackTrace(new StackTraceElement[0]);
    return clean;
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
