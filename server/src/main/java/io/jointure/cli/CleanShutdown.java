package io.jointure.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a process's resources once, in order, whether the process ends normally or on SIGTERM
 * or Ctrl-C (through a shutdown hook): the server first so no new work arrives, then the
 * sources' connections, then embedded databases.
 */
final class CleanShutdown implements AutoCloseable {
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final AtomicBoolean done = new AtomicBoolean();
  private final Thread hook = new Thread(this::closeAll, "jointure-shutdown");

  CleanShutdown() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Adds a resource, closed before those added before it. */
  synchronized void first(AutoCloseable resource) {
    resources.add(0, resource);
  }

  /** Adds a resource, closed after those added before it. */
  synchronized void then(AutoCloseable resource) {
    resources.add(resource);
  }

  @Override
  public void close() {
    closeAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or ran.
    }
  }

  private void closeAll() {
    if (!done.compareAndSet(false, true)) {
      return;
    }
    List<AutoCloseable> inOrder;
    synchronized (this) {
      inOrder = List.copyOf(resources);
    }
    int failed = 0;
    for (AutoCloseable resource : inOrder) {
      try {
        resource.close();
      } catch (Exception e) {
        failed++;
        System.err.println("jointure: while stopping: " + e.getMessage());
      }
    }
    // Says that the hook ran to its end (a killed process says nothing).
    System.err.println(failed == 0 ? "jointure: stopped" : "jointure: stopped, " + failed
        + " of " + inOrder.size() + " parts with errors");
    System.err.flush();
  }
}
