package io.jointure.adapter;

import io.jointure.adapter.request.RequestLog;
import java.util.Optional;

/**
 * The SQL schema of a datasource, whatever its kind: gives access to its request log, and says
 * whether its source answers.
 */
public interface DatasourceSchema {
  /** The native requests the datasource received most recently. */
  RequestLog requestLog();

  /**
   * Why the source cannot be reached now (the message a query would fail with), or empty when
   * it answers, or when it has nothing cheap to ask (an HTTP API).
   */
  default Optional<String> unreachable() {
    return Optional.empty();
  }
}
