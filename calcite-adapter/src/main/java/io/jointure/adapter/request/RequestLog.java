package io.jointure.adapter.request;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The most recent native requests of one datasource, for EXPLAIN-style diagnostics and for tests
 * that assert what was pushed down. Bounded, so a long-running process does not grow.
 */
public final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
  private static final int CAPACITY = 1000;

  private final Deque<SourceRequest> recent = new ArrayDeque<>();

  /** Records a finished request. */
  public synchronized void record(SourceRequest request) {
    if (recent.size() == CAPACITY) {
      recent.removeFirst();
    }
    recent.addLast(request);
    LOG.debug("{}", request);
  }

  /** The recorded requests, oldest first. */
  public synchronized List<SourceRequest> requests() {
    return new ArrayList<>(recent);
  }

  public synchronized void clear() {
    recent.clear();
  }
}
