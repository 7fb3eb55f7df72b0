package io.jointure.adapter.execution;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One thread that looks at every running query ten times a second and stops those past their
 * deadline or cancelled: a query thread blocked in a source cannot notice either itself.
 * Queries are held weakly; a finished query's control goes with its execution.
 */
final class QueryWatchdog {
  static final QueryWatchdog INSTANCE = new QueryWatchdog();
  static final long TICK_MILLIS = 100;

  private final Set<WeakReference<QueryControl>> watched = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "jointure-query-watchdog");
    thread.setDaemon(true);
    return thread;
  });

  /** Where abort actions run: off the watchdog's thread, which serves every query. */
  private final java.util.concurrent.ExecutorService aborts = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "jointure-query-abort");
    thread.setDaemon(true);
    return thread;
  });

  private QueryWatchdog() {
    timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  void watch(QueryControl control) {
    watched.add(new WeakReference<>(control));
  }

  /** Runs a stopped query's abort action; a source that cannot be told keeps its own work. */
  void abort(Runnable action) {
    aborts.execute(() -> {
      try {
        action.run();
      } catch (Throwable e) {
        // The query fails anyway.
      }
    });
  }

  private void tick() {
    long now = System.nanoTime();
    for (Iterator<WeakReference<QueryControl>> it = watched.iterator(); it.hasNext(); ) {
      QueryControl control = it.next().get();
      try {
        if (control == null || control.stopIfDue(now)) {
          it.remove();
        }
      } catch (Throwable e) {
        it.remove(); // never let one query stop the watchdog for the others
      }
    }
  }
}
