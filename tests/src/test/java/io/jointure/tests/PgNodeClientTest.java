package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.pgwire.PgServer;
import io.jointure.pgwire.PgServerSettings;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * node-postgres, from npm, run by Node.js: simple queries, bound values, a named prepared
 * statement run three times, an error's SQLSTATE and a pool of clients side by side answer over
 * Jointure what they answer over a real PostgreSQL with the same data.
 */
@ExtendWith(PostgresExtension.class)
class PgNodeClientTest {
  /** node-postgres is installed here once; later runs reuse it. */
  private static final Path CLIENT_DIR = Path.of("target", "node-client");
  private static PgServer server;
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start(EmbeddedPostgres pg) throws Exception {
    postgres = pg;
    SeedFixture.load(pg);
    server = PgServer.start(PgServerSettings.local("jdbc:jointure:model=inline:"
        + SeedFixture.model(pg), 0));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void nodePostgresAnswersAsOverPostgres() throws Exception {
    Path node = ClientTools.node();
    Path script = installClient();
    String jointure = run(node, script, "127.0.0.1", server.port(), "jointure", "analyst");
    String truth = run(node, script, "127.0.0.1", postgres.port(), "fx_all",
        EmbeddedPostgres.USER);
    assertTrue(truth.contains("\"error\":\"42703\"") && truth.contains("Town 1"), truth);
    assertEquals(truth, jointure);
  }

  private static Path installClient() throws Exception {
    Files.createDirectories(CLIENT_DIR);
    Path script = CLIENT_DIR.resolve("queries.js");
    try (InputStream in = PgNodeClientTest.class.getResourceAsStream("/node-client/queries.js")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(CLIENT_DIR.resolve("node_modules/pg"))) {
      Process npm = new ProcessBuilder(ClientTools.npm().toString(), "install", "--no-audit",
          "--no-fund", "--prefix", CLIENT_DIR.toAbsolutePath().toString(), "pg@8")
          .redirectErrorStream(true).start();
      String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(npm.waitFor(5, TimeUnit.MINUTES), "npm install pg did not finish: " + output);
      assertEquals(0, npm.exitValue(), "npm install pg failed: " + output);
    }
    return script;
  }

  private static String run(Path node, Path script, String host, int port, String database,
      String user) throws Exception {
    Process process = new ProcessBuilder(List.of(node.toString(), script.toString(), host,
        Integer.toString(port), database, user)).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "node did not finish: " + output);
    assertEquals(0, process.exitValue(), output);
    return output;
  }
}
