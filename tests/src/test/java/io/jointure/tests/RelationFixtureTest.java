package io.jointure.tests;

import io.jointure.demo.EmbeddedPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of tests over the {@link RelationFixture}: a Jointure connection to its model (relations
 * across two PostgreSQL databases and MongoDB), and a native connection to the database holding
 * all of it, the ground truth.
 */
@ExtendWith({PostgresExtension.class, MongoExtension.class})
abstract class RelationFixtureTest {
  static Connection jointure;
  static Connection groundTruth;

  @BeforeAll
  static void connect(EmbeddedPostgres pg, MongoExtension.TestMongo mongo) throws Exception {
    RelationFixture.load(pg, mongo);
    jointure = Jointure.connect(RelationFixture.model(pg, mongo));
    groundTruth = pg.connect("rl_all");
  }

  @AfterAll
  static void close() throws Exception {
    jointure.close();
    groundTruth.close();
  }
}
