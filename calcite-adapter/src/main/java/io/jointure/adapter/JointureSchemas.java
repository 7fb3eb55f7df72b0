package io.jointure.adapter;

import io.jointure.adapter.mongo.MongoSchema;
import io.jointure.adapter.rest.RestSchema;
import io.jointure.adapter.sql.SourceSchema;
import io.jointure.model.DatasourceConfig;
import io.jointure.model.DeclaredKeys;
import io.jointure.model.Model;
import io.jointure.model.MongoDatasourceConfig;
import io.jointure.model.GraphQlDatasourceConfig;
import io.jointure.model.RestDatasourceConfig;
import io.jointure.model.SqlDatasourceConfig;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;

/** Adds one SQL schema per datasource of a model to a Calcite root schema. */
public final class JointureSchemas {
  private JointureSchemas() {
  }

  public static void addTo(SchemaPlus root, Model model, SourceRegistry registry) {
    for (DatasourceConfig config : model.datasources().values()) {
      root.add(config.name(), schemaOf(config, registry, model.keysOf(config.name())));
    }
  }

  private static Schema schemaOf(DatasourceConfig config, SourceRegistry registry,
      Map<String, DeclaredKeys> keys) {
    if (config instanceof MongoDatasourceConfig mongo) {
      return new MongoSchema(registry.mongoSource(mongo), keys);
    }
    if (config instanceof GraphQlDatasourceConfig graphQl) {
      return new RestSchema(registry.graphQlSource(graphQl), keys);
    }
    if (config instanceof RestDatasourceConfig rest) {
      return new RestSchema(registry.restSource(rest), keys);
    }
    return new SourceSchema(registry.sqlSource((SqlDatasourceConfig) config), keys);
  }
}
