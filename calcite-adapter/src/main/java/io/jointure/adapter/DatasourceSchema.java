package io.jointure.adapter;

import io.jointure.adapter.request.RequestLog;

/** The SQL schema of a datasource, whatever its kind: gives access to its request log. */
public interface DatasourceSchema {
  /** The native requests the datasource received most recently. */
  RequestLog requestLog();
}
