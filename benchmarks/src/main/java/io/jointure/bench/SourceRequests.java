package io.jointure.bench;

import io.jointure.adapter.DatasourceSchema;
import io.jointure.adapter.request.SourceRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.CalciteConnection;

/** The requests a Jointure connection's sources received: cleared before a run, counted after. */
final class SourceRequests {
  private SourceRequests() {
  }

  static void clear(Connection c, List<String> sources) throws SQLException {
    for (String source : sources) {
      schema(c, source).requestLog().clear();
    }
  }

  /** Rows each source returned since the last {@link #clear}, as {@code n/n/n}. */
  static String fetched(Connection c, List<String> sources) throws SQLException {
    List<String> parts = new ArrayList<>();
    for (String source : sources) {
      long rows = 0;
      for (SourceRequest request : schema(c, source).requestLog().requests()) {
        rows += Math.max(0, request.rows());
      }
      parts.add(Long.toString(rows));
    }
    return String.join("/", parts);
  }

  private static DatasourceSchema schema(Connection c, String name) throws SQLException {
    return c.unwrap(CalciteConnection.class).getRootSchema().subSchemas().get(name)
        .unwrap(DatasourceSchema.class);
  }
}
