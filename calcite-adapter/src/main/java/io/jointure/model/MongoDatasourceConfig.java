package io.jointure.model;

import java.util.List;
import java.util.Map;

/**
 * A MongoDB datasource ({@code type: mongodb}), validated.
 *
 * @param name        the datasource's name, also its SQL schema name
 * @param uri         connection string, e.g. {@code mongodb://host:27017}; may carry credentials
 * @param database    the database whose collections become tables
 * @param sampleSize  documents read per collection to infer its columns
 * @param batchSize   documents fetched per round trip while streaming results
 * @param pinned      collections whose columns the model declares instead of sampling
 */
public record MongoDatasourceConfig(
    String name,
    String uri,
    String database,
    int sampleSize,
    int batchSize,
    Map<String, List<DeclaredColumn>> pinned) implements DatasourceConfig {

  public static final int DEFAULT_SAMPLE_SIZE = 100;
  public static final int DEFAULT_BATCH_SIZE = 1000;

  @Override
  public DatasourceType type() {
    return DatasourceType.MONGODB;
  }

  /** The URI without user and password, safe for messages. */
  public String safeUri() {
    return uri.replaceFirst("//[^@/]*@", "//");
  }

  @Override
  public String toString() {
    return "MongoDatasourceConfig[name=" + name + ", uri=" + safeUri() + ", database=" + database
        + "]";
  }
}
