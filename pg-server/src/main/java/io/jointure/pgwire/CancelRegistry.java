package io.jointure.pgwire;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sessions a CancelRequest may name: each gets a process id and a random secret key
 * (BackendKeyData); a request with a wrong key cancels nothing, as in PostgreSQL.
 */
final class CancelRegistry {
  private static final SecureRandom RANDOM = new SecureRandom();

  record Key(int processId, int secretKey) {
  }

  private final AtomicInteger nextId = new AtomicInteger(1000 + RANDOM.nextInt(30_000));
  private final Map<Integer, Registered> sessions = new ConcurrentHashMap<>();

  private record Registered(int secretKey, Runnable cancel) {
  }

  Key register(Runnable cancel) {
    Key key = new Key(nextId.getAndIncrement(), RANDOM.nextInt());
    sessions.put(key.processId(), new Registered(key.secretKey(), cancel));
    return key;
  }

  void unregister(Key key) {
    if (key != null) {
      sessions.remove(key.processId());
    }
  }

  /** Cancels the session's running query when the key matches; answers whether it did. */
  boolean cancel(int processId, int secretKey) {
    Registered registered = sessions.get(processId);
    if (registered == null || registered.secretKey() != secretKey) {
      return false;
    }
    registered.cancel().run();
    return true;
  }
}
