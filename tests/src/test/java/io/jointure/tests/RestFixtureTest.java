package io.jointure.tests;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.demo.api.JsonApiServer;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of tests over the {@link RestFixture}: the recording API (its requests cleared before each
 * test), a Jointure connection to the model naming it beside PostgreSQL and MongoDB, and a native
 * connection to the database holding the same data, the ground truth.
 */
@ExtendWith({PostgresExtension.class, MongoExtension.class})
abstract class RestFixtureTest {
  static JsonApiServer api;
  static Connection jointure;
  static Connection groundTruth;

  @BeforeAll
  static void start(EmbeddedPostgres pg, MongoExtension.TestMongo mongo) throws Exception {
    RestFixture.load(pg, mongo);
    api = RestFixture.startApi();
    jointure = Jointure.connect(RestFixture.model(pg, mongo, api.baseUrl()));
    groundTruth = pg.connect("rs_all");
  }

  @AfterAll
  static void stop() throws Exception {
    jointure.close();
    groundTruth.close();
    api.close();
  }

  @BeforeEach
  void clearRequests() throws SQLException {
    api.clearRequests();
    Jointure.clearRequests(jointure, "billing");
  }
}
