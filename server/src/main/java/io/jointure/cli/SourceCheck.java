package io.jointure.cli;

import io.jointure.adapter.DatasourceSchema;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * Asks every source of a model whether it answers, when a server starts: one line per source
 * that does not, naming it and why, so that a wrong URL shows before a client's first query
 * fails. The server serves anyway (the source may come up; the others work).
 */
final class SourceCheck {
  private SourceCheck() {
  }

  static void warnUnreachable(String modelUrl, PrintWriter err) {
    try (Connection connection = DriverManager.getConnection(modelUrl)) {
      SchemaPlus root = connection.unwrap(CalciteConnection.class).getRootSchema();
      for (String name : root.subSchemas().getNames(LikePattern.any())) {
        SchemaPlus schema = root.subSchemas().get(name);
        DatasourceSchema source;
        try {
          source = schema == null ? null : schema.unwrap(DatasourceSchema.class);
        } catch (ClassCastException notASource) {
          continue; // Calcite's own schemas, the relations table's
        }
        if (source != null) {
          Optional<String> why = source.unreachable();
          why.ifPresent(message -> err.println("warning: " + message));
        }
      }
    } catch (SQLException e) {
      err.println("warning: cannot open the model to check its sources: " + e.getMessage());
    }
    err.flush();
  }
}
