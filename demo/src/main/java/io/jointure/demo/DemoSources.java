package io.jointure.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The demo's sources, running in and beside this process: a real PostgreSQL (three databases)
 * and an in-process MongoDB-protocol server (two databases), loaded with {@link SampleData}, and
 * a model file naming them. {@link #close()} stops them and deletes the model.
 */
public final class DemoSources implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final EmbeddedMongo mongo;
  private final Path model;

  private DemoSources(EmbeddedPostgres postgres, EmbeddedMongo mongo, Path model) {
    this.postgres = postgres;
    this.mongo = mongo;
    this.model = model;
  }

  public static DemoSources start() throws IOException, SQLException {
    EmbeddedPostgres postgres = EmbeddedPostgres.start();
    EmbeddedMongo mongo = null;
    try {
      mongo = EmbeddedMongo.start();
      SampleData.load(postgres, mongo);
      // REST sources (being built): start the sample HTTP API here, beside the databases.
      Path model = Files.createTempFile("jointure-demo-", ".yaml");
      Files.writeString(model, SampleData.model(postgres, mongo));
      return new DemoSources(postgres, mongo, model);
    } catch (IOException | SQLException | RuntimeException e) {
      if (mongo != null) {
        mongo.close();
      }
      postgres.close();
      throw e;
    }
  }

  /** The model file naming the sources (deleted on close). */
  public Path model() {
    return model;
  }

  public EmbeddedPostgres postgres() {
    return postgres;
  }

  public EmbeddedMongo mongo() {
    return mongo;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(model);
    } catch (IOException e) {
      // A leftover temporary file is harmless.
    }
    mongo.close();
    postgres.close();
  }
}
