package io.jointure.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the INFO lines of the libraries Jointure runs (the connection pool starting and
 * stopping, MongoDB's cluster events) out of a host application's log: warnings and above, for
 * the loggers the host has not configured itself. Set through java.util.logging, where the
 * one-jar driver's logging goes (its SLF4J is bound to it); a host whose SLF4J binds elsewhere
 * configures those loggers as it likes.
 */
final class QuietLibraryLogs {
  /** java.util.logging holds loggers weakly: a level set on a collected one would be lost. */
  private static final List<Logger> CONFIGURED = new ArrayList<>();

  private QuietLibraryLogs() {
  }

  /** Whether the host set a level on this logger or an ancestor below the root. */
  private static boolean configured(Logger logger) {
    for (Logger l = logger; l != null && l.getParent() != null; l = l.getParent()) {
      if (l.getLevel() != null) {
        return true;
      }
    }
    return false;
  }

  static synchronized void apply() {
    // The pool's package as this jar names it (the one-jar driver relocates it).
    String pool = com.zaxxer.hikari.HikariDataSource.class.getPackageName();
    for (String name : List.of(pool, "org.mongodb.driver")) {
      Logger logger = Logger.getLogger(name);
      if (!configured(logger)) {
        logger.setLevel(Level.WARNING);
        CONFIGURED.add(logger);
      }
    }
  }
}
