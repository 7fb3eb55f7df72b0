package io.jointure.jdbc;

import io.jointure.model.QueryLimits;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * Makes every failure of a connection, its statements and their result sets an SQLException with
 * PostgreSQL's SQLSTATE that says what went wrong in its own message ({@link SqlErrors}). Calcite
 * reports a failed {@code prepareStatement} only as "Error while preparing statement [...]",
 * with the reason in a cause that many tools never show; and a source failing while rows are
 * read (a source gone down, a value that does not fit its column) escapes
 * {@code ResultSet.next()} as an unchecked exception (or an error of generated code), which JDBC
 * clients do not expect.
 */
final class DetailedErrors implements InvocationHandler {
  private final Object target;
  /** The connection's handler, for a statement: it forgets the statement once closed. */
  private final DetailedErrors connection;
  /**
   * A connection's statements not yet closed. Closing the connection closes them: Calcite's does
   * not, and an open result holds a source's pooled connection (a remote client that vanished,
   * a tool that closes only connections, would drain the pool).
   */
  private final Set<Statement> openStatements = ConcurrentHashMap.newKeySet();

  private DetailedErrors(Object target, DetailedErrors connection) {
    this.target = target;
    this.connection = connection;
  }

  static CalciteConnection wrap(CalciteConnection connection) {
    return (CalciteConnection) Proxy.newProxyInstance(DetailedErrors.class.getClassLoader(),
        new Class<?>[] {CalciteConnection.class}, new DetailedErrors(connection, null));
  }

  /** A connection to a Jointure server: its failures too carry their SQLSTATE and message. */
  static Connection wrapRemote(Connection connection) {
    return (Connection) Proxy.newProxyInstance(DetailedErrors.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new DetailedErrors(connection, null));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "equals":
        return args[0] == proxy || args[0] == target;
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return target.toString();
      case "isReadOnly":
        if (target instanceof Connection) {
          return true; // Jointure never writes to its sources
        }
        break;
      case "setReadOnly", "setAutoCommit", "setTransactionIsolation", "setCatalog", "setSchema",
          "setHoldability":
        // Tools set these on connect; Jointure only reads, so none of them may stop a tool.
        if (target instanceof Connection) {
          try {
            method.invoke(target, args);
          } catch (InvocationTargetException ignored) {
            // a setting Jointure cannot take changes nothing it does
          }
          return null;
        }
        break;
      case "cancel":
        if (target instanceof AvaticaStatement statement) {
          // Avatica's cancel() waits for the statement's lock, which a running execute holds
          // until its first rows are ready: the flag is set directly, for the query to see.
          cancelFlag(statement).set(true);
          return null;
        }
        break;
      case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate":
        if (target instanceof AvaticaStatement statement) {
          cancelFlag(statement).set(false); // a cancel stops the query running then, no later
        }
        break;
      case "close":
        if (target instanceof Connection) {
          closeStatements();
        } else if (target instanceof Statement statement && connection != null) {
          connection.openStatements.remove(statement);
        }
        break;
      default:
        break;
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable thrown = e.getCause();
      if (thrown instanceof VirtualMachineError && !(thrown instanceof OutOfMemoryError)) {
        throw thrown;
      }
      throw SqlErrors.of(thrown);
    }
    Class<?> type = method.getReturnType();
    if ((result instanceof Statement || result instanceof ResultSet) && type.isInterface()
        && (Statement.class.isAssignableFrom(type) || ResultSet.class.isAssignableFrom(type))
        && !method.getName().equals("unwrap")) {
      DetailedErrors owner = target instanceof Connection ? this : connection;
      if (target instanceof Connection && result instanceof Statement statement) {
        openStatements.add(statement);
        applyDefaultTimeout(statement);
      }
      return Proxy.newProxyInstance(DetailedErrors.class.getClassLoader(), new Class<?>[] {type},
          new DetailedErrors(result, owner));
    }
    return result;
  }

  private static AtomicBoolean cancelFlag(AvaticaStatement statement) throws SQLException {
    try {
      return statement.getConnection().unwrap(AvaticaConnection.class)
          .getCancelFlag(statement.handle);
    } catch (NoSuchStatementException e) {
      throw new SQLException("the statement is closed", "26000", e);
    }
  }

  /** A new statement's timeout: the connection's {@code queryTimeoutSeconds}, if it has one. */
  private void applyDefaultTimeout(Statement statement) throws SQLException {
    if (target instanceof CalciteConnection calcite) {
      String seconds = calcite.getProperties().getProperty(QueryLimits.QUERY_TIMEOUT_SECONDS);
      // Checked when the connection opened.
      int timeout = seconds == null ? 0 : QueryLimits.parseTimeoutSeconds(seconds);
      if (timeout > 0) {
        statement.setQueryTimeout(timeout);
      }
    }
  }

  private void closeStatements() {
    for (Statement statement : List.copyOf(openStatements)) {
      try {
        statement.close();
      } catch (SQLException | RuntimeException e) {
        // Closing anyway: the statement's own failure does not keep the connection open.
      }
    }
    openStatements.clear();
  }
}
