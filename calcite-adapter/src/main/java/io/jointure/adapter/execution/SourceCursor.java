package io.jointure.adapter.execution;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The rows of one request to a source, as every source bridge reads them: the request is sent on
 * the first {@link #moveNext()}, the query's deadline and cancel request are checked before each
 * row, a stopped query aborts the source's work ({@link #abort()}, from the watchdog's thread),
 * everything is released once, after the last row, on {@link #close()} or on failure, and the
 * request is logged with the rows it returned. Subclasses say how to send, read, abort and release.
 */
public abstract class SourceCursor implements Enumerator<Object> {
  protected final QueryControl control;
  private QueryControl.Registration abortRegistration;
  private Object current;
  private long rows;
  private boolean opened;
  private boolean failed;
  private boolean closed;

  protected SourceCursor(DataContext context) {
    this.control = QueryControl.of(context);
  }

  /** Sends the request. */
  protected abstract void open() throws Exception;

  /** Moves to the next row of the answer; false at its end. */
  protected abstract boolean advance() throws Exception;

  /** The current row, as Calcite's internal values. */
  protected abstract Object read() throws Exception;

  /** Releases what the request holds (a pooled connection, a server cursor). */
  protected abstract void release() throws Exception;

  /**
   * Stops the source's work for a stopped query; called from another thread while the query's
   * thread may be waiting on the source. The default does nothing: the next row stops the query.
   */
  protected void abort() {
  }

  /**
   * A failure while sending or reading, as the error to report: the source's own errors name the
   * datasource; others are returned as they are ({@link #unchecked}).
   */
  protected abstract RuntimeException failure(Exception e);

  /**
   * Logs the request in the source's request log, with the rows it returned ({@code -1} when it
   * failed); called once, when the cursor closes after the request was sent.
   */
  protected abstract void logRequest(long rows);

  @Override
  public final Object current() {
    return current;
  }

  @Override
  public final boolean moveNext() {
    if (closed) {
      return false;
    }
    try {
      control.check();
      if (!opened) {
        opened = true;
        abortRegistration = control.onStop(this::abort);
        control.opened(this);
        open();
      }
      if (!advance()) {
        close(); // the last row is read: the pooled connection goes back now, not at close
        return false;
      }
      current = read();
      rows++;
      return true;
    } catch (Exception e) {
      failed = true;
      RuntimeException reported = control.failureOr(failure(e));
      close();
      control.closeCursors(); // the query fails: the other cursors it reads here end too
      throw reported;
    }
  }

  /** A failure that is not the source's own, as it was thrown. */
  protected static RuntimeException unchecked(Exception e) {
    return e instanceof RuntimeException r ? r : new IllegalStateException(e);
  }

  @Override
  public final void reset() {
    throw new UnsupportedOperationException("a source request cannot be restarted");
  }

  /** Closes the cursor of a query that failed elsewhere: its request is logged as failed. */
  final void abandon() {
    failed = true;
    close();
  }

  @Override
  public final void close() {
    if (closed) {
      return;
    }
    closed = true;
    control.closed(this);
    if (abortRegistration != null) {
      abortRegistration.close();
    }
    try {
      release();
    } catch (Exception e) {
      // The rows are read or the query failed already; releasing is the pool's to finish.
    } finally {
      if (opened) {
        logRequest(failed ? -1 : rows);
      }
    }
  }
}
