package io.jointure.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * Makes every SQLException of a connection and its statements say what went wrong in its own
 * message. Calcite reports a failed {@code prepareStatement} only as "Error while preparing
 * statement [...]", with the reason (unknown column, syntax error at a position, a source that is
 * down) in a cause that many tools never show.
 */
final class DetailedErrors implements InvocationHandler {
  private final Object target;

  private DetailedErrors(Object target) {
    this.target = target;
  }

  static CalciteConnection wrap(CalciteConnection connection) {
    return (CalciteConnection) Proxy.newProxyInstance(DetailedErrors.class.getClassLoader(),
        new Class<?>[] {CalciteConnection.class}, new DetailedErrors(connection));
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
      default:
        break;
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable thrown = e.getCause();
      throw thrown instanceof SQLException sql ? detailed(sql) : thrown;
    }
    Class<?> type = method.getReturnType();
    if (result instanceof Statement && type.isInterface() && Statement.class.isAssignableFrom(type)
        && !method.getName().equals("unwrap")) {
      return Proxy.newProxyInstance(DetailedErrors.class.getClassLoader(), new Class<?>[] {type},
          new DetailedErrors(result));
    }
    return result;
  }

  /** The exception itself if its message already gives the reason; else one that does. */
  static SQLException detailed(SQLException e) {
    String reason = null;
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        reason = t.getMessage();
      }
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (reason == null || message.contains(reason)) {
      return e;
    }
    SQLException better = new SQLException(message + ": " + reason, e.getSQLState(),
        e.getErrorCode(), e);
    better.setStackTrace(e.getStackTrace());
    return better;
  }
}
