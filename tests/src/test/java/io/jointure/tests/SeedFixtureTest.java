package io.jointure.tests;

import io.jointure.demo.EmbeddedPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of tests over the {@link SeedFixture}: a Jointure connection to the split databases, and a
 * native connection to the database holding all of it (schemas {@code crm} and {@code shop}), the
 * ground truth.
 */
@ExtendWith(PostgresExtension.class)
abstract class SeedFixtureTest {
  static Connection jointure;
  static Connection groundTruth;

  @BeforeAll
  static void connect(EmbeddedPostgres pg) throws Exception {
    SeedFixture.load(pg);
    jointure = Jointure.connect(SeedFixture.model(pg));
    groundTruth = pg.connect("fx_all");
  }

  @AfterAll
  static void close() throws Exception {
    jointure.close();
    groundTruth.close();
  }
}
