package io.jointure.demo;

import io.jointure.demo.api.JsonApiServer;
import io.jointure.demo.graphql.GraphQlApiServer;
import io.jointure.demo.graphql.LibraryApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The demo's sources, running in and beside this process: a real PostgreSQL (three databases),
 * an in-process MongoDB-protocol server and an HTTP API on 127.0.0.1, loaded with
 * {@link SampleData}, and a model file naming them. {@link #close()} stops them and deletes the model.
 */
public final class DemoSources implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final EmbeddedMongo mongo;
  private final JsonApiServer api;
  private final GraphQlApiServer graphQl;
  private final Path model;

  private DemoSources(EmbeddedPostgres postgres, EmbeddedMongo mongo, JsonApiServer api,
      GraphQlApiServer graphQl, Path model) {
    this.postgres = postgres;
    this.mongo = mongo;
    this.api = api;
    this.graphQl = graphQl;
    this.model = model;
  }

  public static DemoSources start() throws IOException, SQLException {
    EmbeddedPostgres postgres = EmbeddedPostgres.start();
    EmbeddedMongo mongo = null;
    JsonApiServer api = null;
    GraphQlApiServer graphQl = null;
    try {
      mongo = EmbeddedMongo.start();
      SampleData.load(postgres, mongo);
      api = JsonApiServer.start();
      SampleData.serveApi(api);
      graphQl = GraphQlApiServer.start(LibraryApi.sample(12, 10));
      Path model = Files.createTempFile("jointure-demo-", ".yaml");
      Files.writeString(model, SampleData.model(postgres, mongo, api.baseUrl(), graphQl.url()));
      return new DemoSources(postgres, mongo, api, graphQl, model);
    } catch (IOException | SQLException | RuntimeException e) {
      if (graphQl != null) {
        graphQl.close();
      }
      if (api != null) {
        api.close();
      }
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

  /** The sample GraphQL API's endpoint. */
  public String graphQlUrl() {
    return graphQl.url();
  }

  /** The sample HTTP API's address. */
  public String apiUrl() {
    return api.baseUrl();
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(model);
    } catch (IOException e) {
      // A leftover temporary file is harmless.
    }
    graphQl.close();
    api.close();
    mongo.close();
    postgres.close();
  }
}
