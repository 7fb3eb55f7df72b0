package io.jointure.adapter;

import io.jointure.adapter.sql.SourceSchema;
import io.jointure.model.DatasourceConfig;
import io.jointure.model.Model;
import org.apache.calcite.schema.SchemaPlus;

/** Adds one SQL schema per datasource of a model to a Calcite root schema. */
public final class JointureSchemas {
  private JointureSchemas() {
  }

  public static void addTo(SchemaPlus root, Model model, SourceRegistry registry) {
    for (DatasourceConfig config : model.datasources().values()) {
      root.add(config.name(), new SourceSchema(registry.sqlSource(config)));
    }
  }
}
