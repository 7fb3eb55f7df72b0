package io.jointure.tests;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.demo.api.JsonApiServer;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of tests over the {@link BiFixture}: a Jointure connection to its four sources (two
 * PostgreSQL databases, MongoDB, the HTTP API), and a native connection to the database holding
 * all of it, the ground truth.
 */
@ExtendWith({PostgresExtension.class, MongoExtension.class})
abstract class BiFixtureTest {
  static JsonApiServer api;
  static Connection jointure;
  static Connection groundTruth;

  @BeforeAll
  static void start(EmbeddedPostgres pg, MongoExtension.TestMongo mongo) throws Exception {
    BiFixture.load(pg, mongo);
    api = BiFixture.startApi();
    jointure = Jointure.connect(BiFixture.model(pg, mongo, api.baseUrl()));
    groundTruth = pg.connect("bi_all");
  }

  @AfterAll
  static void stop() throws Exception {
    jointure.close();
    groundTruth.close();
    api.close();
  }
}
