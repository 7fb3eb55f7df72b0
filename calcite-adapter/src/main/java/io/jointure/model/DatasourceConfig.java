package io.jointure.model;

/** One validated entry of {@code datasources:}; its name is also its SQL schema name. */
public sealed interface DatasourceConfig permits SqlDatasourceConfig, MongoDatasourceConfig,
    RestDatasourceConfig, GraphQlDatasourceConfig {
  String name();

  DatasourceType type();
}
