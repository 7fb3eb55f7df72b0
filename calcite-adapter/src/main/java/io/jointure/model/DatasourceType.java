package io.jointure.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of datasource a model may declare ({@code type:} of a datasource). */
public enum DatasourceType {
  POSTGRESQL(true),
  JDBC(true),
  MONGODB(true),
  REST(true),
  GRAPHQL(true);

  /** Whether this build can connect to this kind of source yet. */
  public final boolean supported;

  DatasourceType(boolean supported) {
    this.supported = supported;
  }

  public String modelName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<DatasourceType> fromModelName(String name) {
    return Arrays.stream(values()).filter(t -> t.modelName().equals(name)).findFirst();
  }
}
