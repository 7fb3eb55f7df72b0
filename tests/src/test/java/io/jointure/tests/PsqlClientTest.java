package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.pgwire.PgServer;
import io.jointure.pgwire.PgServerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * psql, from the machine's PostgreSQL client packages, runs one script against Jointure (the
 * seed data split over two databases) and against a real PostgreSQL holding the same data in one
 * database: it prints the same, character for character (headers, alignment by type, NULLs,
 * dates, booleans, expanded display, row counts, and \\d of tables: columns, types, keys,
 * indexes, foreign keys both ways).
 */
@ExtendWith(PostgresExtension.class)
class PsqlClientTest {
  private static final String SCRIPT = """
      SELECT id, name, population, founded FROM crm.towns WHERE id <= 12 ORDER BY id;
      SELECT c.name, COUNT(*) AS towns, SUM(t.population) AS people FROM crm.towns t
        JOIN crm.countries c ON c.id = t.country_id GROUP BY c.name ORDER BY c.name;
      SELECT t.name, p.first_name, p.age, p.town_id IS NULL AS homeless FROM shop.people p
        LEFT JOIN crm.towns t ON t.id = p.town_id WHERE p.id BETWEEN 15 AND 20 ORDER BY p.id;
      SELECT code, name FROM crm.countries ORDER BY code;
      SELECT COUNT(*) FROM shop.people WHERE age > 40;
      \\x on
      SELECT * FROM crm.mayors WHERE id = 7;
      \\x off
      SELECT name FROM crm.towns WHERE name LIKE 'Town 29%' ORDER BY name LIMIT 3 OFFSET 1;
      \\d crm.towns
      \\d crm.countries
      \\d crm.mayors
      \\d+ crm.mayors
      """;

  private static PgServer server;
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start(EmbeddedPostgres pg) throws Exception {
    postgres = pg;
    SeedFixture.load(pg);
    server = PgServer.start(PgServerSettings.local("jdbc:jointure:model=inline:"
        + SeedFixture.model(pg) + PgProtocolTest.RELATIONS, 0));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void psqlPrintsWhatItPrintsForPostgres(@TempDir Path dir) throws Exception {
    Path psql = ClientTools.psql();
    Path script = dir.resolve("script.sql");
    Files.writeString(script, SCRIPT);
    String jointure = run(psql, "host=127.0.0.1 port=" + server.port()
        + " dbname=jointure user=analyst", script);
    String truth = run(psql, "host=127.0.0.1 port=" + postgres.port()
        + " dbname=fx_all user=" + EmbeddedPostgres.USER, script);
    assertTrue(truth.contains("(12 rows)") && truth.contains("-[ RECORD 1 ]")
        && truth.contains("Foreign-key constraints:") && truth.contains("Referenced by:")
        && truth.contains("UNIQUE CONSTRAINT"), truth);
    assertEquals(truth, jointure);
  }

  /**
   * psql's describe commands read Jointure's catalog: \\dn the datasources, \\dt and \\dv the
   * tables and views the embedded driver lists, \\d on a relation view its columns with their
   * PostgreSQL types and NOT NULL, \\l the one database.
   */
  @Test
  void psqlDescribesTheModel(@TempDir Path dir) throws Exception {
    Path psql = ClientTools.psql();
    Path script = dir.resolve("describe.sql");
    Files.writeString(script, "\\dn\n\\dt crm.*\n\\dv crm.*\n\\d crm.towns_country\n\\l\n");
    String out = run(psql, "host=127.0.0.1 port=" + server.port()
        + " dbname=jointure user=analyst", script);
    try (java.sql.Connection embedded = Jointure.connect(SeedFixture.model(postgres)
        + PgProtocolTest.RELATIONS)) {
      for (String type : List.of("TABLE", "VIEW")) {
        try (java.sql.ResultSet rs = embedded.getMetaData().getTables(null, "crm", "%",
            new String[] {type})) {
          int listed = 0;
          while (rs.next()) {
            listed++;
            String line = " crm    | " + rs.getString("TABLE_NAME");
            assertTrue(out.contains(line), "\\d lacks " + line + ":\n" + out);
          }
          assertTrue(listed > 0, type);
        }
      }
    }
    assertTrue(out.matches("(?s).*List of schemas.*\\n crm +\\| jointure\\n.*\\n shop +\\| jointure\\n.*"),
        out);
    assertTrue(out.contains("View \"crm.towns_country\""), out);
    assertTrue(out.matches("(?s).*\\n id +\\| integer +\\| +\\| not null \\|.*"), out);
    assertTrue(out.matches("(?s).*\\n country\\.code +\\| character\\(2\\) +\\|.*"), out);
    assertTrue(out.contains("List of databases") && out.contains(" jointure | jointure | UTF8"),
        out);
  }

  private static String run(Path psql, String connection, Path script) throws Exception {
    Process process = new ProcessBuilder(List.of(psql.toString(), "-X", "-v", "ON_ERROR_STOP=1",
        "-f", script.toString(), connection)).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "psql did not finish: " + output);
    assertEquals(0, process.exitValue(), output);
    return output;
  }
}
