package io.jointure.adapter.execution;

import io.jointure.model.QueryLimits;
import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.JointureException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * One running query's limits: its deadline, its cancel request and the memory its kept rows use.
 * Every source cursor and every executor operator that loops over rows calls {@link #check()}
 * between rows (one volatile read); the {@link QueryWatchdog} decides when a query must stop and
 * runs the abort actions its sources registered (a PostgreSQL statement cancel, an HTTP request
 * aborted), so that a query blocked in a source stops too.
 */
public final class QueryControl {
  /** Controls by execution: Calcite creates one {@link DataContext} per statement execution. */
  private static final Map<DataContext, QueryControl> BY_EXECUTION =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final AtomicBoolean cancelFlag;
  private final long timeoutMillis;
  private final boolean hasDeadline;
  private final long deadlineNanos;
  private final long maxMemory;
  private final AtomicLong keptBytes = new AtomicLong();
  private final Set<Runnable> aborts = ConcurrentHashMap.newKeySet();
  /** Source cursors open now, with the thread reading each. */
  private final Map<SourceCursor, Thread> openCursors = new ConcurrentHashMap<>();
  private volatile ErrorCode stopCode;
  private volatile String stopMessage;

  QueryControl(AtomicBoolean cancelFlag, long timeoutMillis, long maxMemory) {
    this.cancelFlag = cancelFlag;
    this.timeoutMillis = timeoutMillis;
    this.hasDeadline = timeoutMillis > 0;
    this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.maxMemory = maxMemory;
  }

  /** A control for source work outside any query (sampling a source at connect time). */
  public static QueryControl unbounded() {
    return new QueryControl(new AtomicBoolean(), 0, Long.MAX_VALUE);
  }

  /** The control of the execution this context belongs to, started on first use. */
  public static QueryControl of(DataContext context) {
    return BY_EXECUTION.computeIfAbsent(context, QueryControl::start);
  }

  private static QueryControl start(DataContext context) {
    Object flag = context.get(DataContext.Variable.CANCEL_FLAG.camelName);
    Object timeout = context.get(DataContext.Variable.TIMEOUT.camelName);
    long maxMemory = 0;
    if (context.getQueryProvider() instanceof CalciteConnection connection) {
      Properties properties = connection.getProperties();
      String configured = properties == null ? null
          : properties.getProperty(QueryLimits.MAX_MEMORY);
      if (configured != null) {
        maxMemory = QueryLimits.parseBytes(configured); // checked when the connection opened
      }
    }
    QueryControl control = new QueryControl(
        flag instanceof AtomicBoolean cancel ? cancel : new AtomicBoolean(),
        timeout instanceof Long millis && millis > 0 ? millis : 0,
        maxMemory > 0 ? maxMemory : QueryLimits.defaultMaxMemory());
    QueryWatchdog.INSTANCE.watch(control);
    return control;
  }

  /** Throws the reason this query must stop, if it must: between rows, cheaply. */
  public void check() {
    if (stopCode != null) {
      throw failure();
    }
  }

  /**
   * Why this query stopped, as a new exception for the thread that notices it to throw; the
   * source cursors that thread reads are closed first, as the query ends.
   */
  public JointureException failure() {
    closeCursors();
    return new JointureException(stopCode, stopMessage);
  }

  /**
   * The failure to report for a source error: the reason the query was stopped when it was (the
   * source then only says its request was cancelled), else the source's own.
   */
  public RuntimeException failureOr(RuntimeException sourceFailure) {
    // A source that stops at the deadline by itself may report it before the watchdog's tick.
    if (stopCode == null && !stopIfDue(System.nanoTime())) {
      return sourceFailure;
    }
    JointureException stop = failure();
    stop.initCause(sourceFailure);
    return stop;
  }

  /** Milliseconds left before the deadline (at least 1), or 0 when the query has no timeout. */
  public long remainingMillis() {
    if (!hasDeadline) {
      return 0;
    }
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
  }

  /**
   * Registers what stops this query's work in a source (cancelling a statement, aborting a
   * request) until the returned registration is closed; runs it at once if already stopped.
   */
  public Registration onStop(Runnable abort) {
    aborts.add(abort);
    if (stopCode != null && aborts.remove(abort)) {
      abort.run();
    }
    return () -> aborts.remove(abort);
  }

  /**
   * Waits for work running on another thread (a request, a user function); a stopped query
   * cancels it and fails at once, whether or not the work notices.
   */
  public <T> T await(Future<T> work) throws ExecutionException {
    try (Registration abort = onStop(() -> work.cancel(true))) {
      return work.get();
    } catch (CancellationException e) {
      if (stopCode == null) {
        throw e;
      }
      throw failure();
    } catch (InterruptedException e) {
      work.cancel(true);
      Thread.currentThread().interrupt();
      throw new JointureException(ErrorCode.QUERY_CANCELED,
          "canceling statement: the thread running the query was interrupted", e);
    }
  }

  /** Counts a row an operator keeps in memory; fails the query past {@code maxMemory}. */
  public void keep(Object row) {
    long total = keptBytes.addAndGet(RowSizes.estimate(row));
    if (total > maxMemory) {
      stop(ErrorCode.OUT_OF_MEMORY, "out of memory: the query keeps more than "
          + QueryLimits.shown(maxMemory) + " of rows in Jointure (maxMemory); filter the rows"
          + " earlier, join on keys, or raise maxMemory in the model or the connection"
          + " properties");
      throw failure();
    }
  }

  void opened(SourceCursor cursor) {
    openCursors.put(cursor, Thread.currentThread());
  }

  void closed(SourceCursor cursor) {
    openCursors.remove(cursor);
  }

  /**
   * Closes, as failed, the source cursors this thread reads, for a query that fails here: the
   * failure unwinds through Calcite's operators, which do not close their inputs, and an open
   * cursor holds a pooled connection. Cursors of other threads are theirs to close (the
   * statement's close closes them all).
   */
  void closeCursors() {
    Thread current = Thread.currentThread();
    openCursors.forEach((cursor, reader) -> {
      if (reader == current) {
        cursor.abandon();
      }
    });
  }

  /** Called by the watchdog: whether this query must stop now, and then stops it. */
  boolean stopIfDue(long nowNanos) {
    if (stopCode != null) {
      return true;
    }
    if (cancelFlag.get()) {
      stop(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
    } else if (hasDeadline && nowNanos - deadlineNanos >= 0) {
      stop(ErrorCode.QUERY_CANCELED, "canceling statement due to statement timeout: the query"
          + " ran longer than its timeout of " + shownSeconds(timeoutMillis)
          + " (Statement.setQueryTimeout, or queryTimeoutSeconds in the model, the connection"
          + " properties or jointure serve --query-timeout)");
    }
    return stopCode != null;
  }

  /**
   * Stops the query: every thread that checks now fails, and the sources' abort actions run on
   * the watchdog's helper threads (a PostgreSQL cancel opens a connection, which may take
   * seconds when the host is gone: no other query waits for it).
   */
  private synchronized void stop(ErrorCode code, String message) {
    if (stopCode != null) {
      return;
    }
    stopMessage = message;
    stopCode = code;
    for (Runnable abort : Set.copyOf(aborts)) {
      if (aborts.remove(abort)) { // not run already by onStop
        QueryWatchdog.INSTANCE.abort(abort);
      }
    }
  }

  private static String shownSeconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  /** An abort action's registration; closing it means the source work is done. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
