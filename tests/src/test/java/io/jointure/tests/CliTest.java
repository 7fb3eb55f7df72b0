package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointure.cli.Main;
import io.jointure.demo.EmbeddedPostgres;
import io.jointure.server.JointureServer;
import io.jointure.server.ServerSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code jointure} command end to end: help, one-line errors with exit code 2, {@code sql}
 * in its three formats and from a file, {@code explain}, and, as separate processes,
 * {@code serve} (queried remotely, then stopped by SIGTERM) and {@code demo --once}.
 */
class CliTest extends SeedFixtureTest {
  private static final String SECRET = "hunter2-not-in-logs";
  private static Path model;

  @BeforeAll
  static void writeModel(@TempDir Path dir, EmbeddedPostgres pg) throws Exception {
    model = dir.resolve("model.yaml");
    Files.writeString(model, SeedFixture.model(pg));
  }

  /** A command's exit code, standard output and standard error. */
  record Run(int exit, String out, String err) {
  }

  private static Run jointure(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "serve", "sql", "explain"})
  void everyCommandHasHelp(String command) {
    Run run = jointure(command, "--help");
    assertEquals(0, run.exit());
    assertTrue(run.out().startsWith("Usage: jointure " + command), run.out());
    assertTrue(jointure("help", command).out().startsWith("Usage: jointure " + command));
  }

  @Test
  void topLevelHelpListsTheCommands() {
    Run run = jointure("--help");
    assertEquals(0, run.exit());
    for (String command : List.of("demo", "serve", "sql", "explain")) {
      assertTrue(run.out().contains("  " + command + " "), run.out());
    }
    assertEquals(2, jointure().exit());
  }

  @Test
  void badFlagsAreOneLineAndExitTwo() {
    Run unknown = jointure("sql", "--model", model.toString(), "--bogus");
    assertEquals(2, unknown.exit());
    assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
    assertTrue(unknown.err().contains("Unknown option: '--bogus'")
        && unknown.err().contains("jointure sql --help"), unknown.err());

    Run badPort = jointure("serve", "--model", model.toString(), "--port", "eighty");
    assertEquals(2, badPort.exit());
    assertTrue(badPort.err().contains("--port"), badPort.err());
    Run portOutOfRange = jointure("serve", "--model", model.toString(), "--port", "70000");
    assertEquals(2, portOutOfRange.exit());
    assertTrue(portOutOfRange.err().contains("--port 70000: not a port"), portOutOfRange.err());

    Run badFormat = jointure("sql", "--model", model.toString(), "-e", "SELECT 1",
        "--format", "xml");
    assertEquals(2, badFormat.exit());
    assertTrue(badFormat.err().contains("TABLE, CSV, JSON"),
        badFormat.err());
  }

  @Test
  void aMissingModelIsOneLineAndExitsTwo(@TempDir Path dir) {
    Run noOption = jointure("explain", "SELECT 1");
    assertEquals(2, noOption.exit());
    assertTrue(noOption.err().contains("Missing required option: '--model=<file>'"),
        noOption.err());

    Run noFile = jointure("sql", "--model", dir.resolve("nope.yaml").toString(), "-e", "SELECT 1");
    assertEquals(2, noFile.exit());
    assertEquals(1, noFile.err().strip().lines().count(), noFile.err());
    assertTrue(noFile.err().contains("nope.yaml not found") && noFile.err().contains("--model"),
        noFile.err());
  }

  @Test
  void aBadModelIsOneLineAndExitsTwo(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "version: 1\ndatasources:\n  crm: { type: oracle, url: x }\n");
    Run run = jointure("sql", "--model", bad.toString(), "-e", "SELECT 1");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("jointure sql: cannot open the model: "), run.err());
  }

  @Test
  void aPortInUseIsOneLineAndExitsTwo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Run run = jointure("serve", "--model", model.toString(), "--port",
          Integer.toString(taken.getLocalPort()));
      assertEquals(2, run.exit(), run.err());
      assertEquals("jointure serve: port " + taken.getLocalPort() + " on 127.0.0.1 is already"
          + " in use; stop the program using it or choose another port with --port",
          run.err().strip());
    }
  }

  @Test
  void aBindAddressNotOfThisMachineIsOneLineAndExitsTwo() {
    Run run = jointure("serve", "--model", model.toString(), "--port", "0", "--bind",
        "192.0.2.1"); // TEST-NET-1: never a local address
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().startsWith("jointure serve: --bind 192.0.2.1: 192.0.2.1 is not an"
        + " address of this machine"), run.err());
  }

  private static final String QUERY = "SELECT t.id, t.name, COUNT(p.id) AS people"
      + " FROM crm.towns t JOIN shop.people p ON p.town_id = t.id WHERE t.id <= 12"
      + " GROUP BY t.id, t.name ORDER BY t.id";

  @Test
  void sqlWritesCsv() throws Exception {
    Run run = jointure("sql", "--model", model.toString(), "--format", "csv", "-e", QUERY);
    assertEquals(0, run.exit(), run.err());
    List<String> expected = new ArrayList<>(List.of("ID,NAME,PEOPLE"));
    for (List<Object> row : Jointure.rows(groundTruth, QUERY)) {
      expected.add(row.get(0) + "," + row.get(1) + "," + row.get(2));
    }
    assertEquals(expected.stream().map(s -> s.toLowerCase()).toList(),
        run.out().lines().map(s -> s.toLowerCase()).toList());
  }

  @Test
  void sqlWritesJson() throws Exception {
    Run run = jointure("sql", "--model", model.toString(), "--format", "JSON", "-e", QUERY);
    assertEquals(0, run.exit(), run.err());
    JsonNode rows = new ObjectMapper().readTree(run.out());
    List<List<Object>> expected = Jointure.rows(groundTruth, QUERY);
    assertEquals(expected.size(), rows.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode row = rows.get(i);
      assertEquals(expected.get(i).get(0).toString(), row.get("id").asText());
      assertEquals(expected.get(i).get(1), row.get("name").asText());
      assertTrue(row.get("people").isNumber());
      assertEquals(expected.get(i).get(2).toString(), row.get("people").asText());
    }
    Run sameLabels = jointure("sql", "--model", model.toString(), "--format", "json", "-e",
        "SELECT 'a' AS name, 'b' AS name");
    assertEquals("[{\"name\":\"a\",\"name_2\":\"b\"}]",
        new ObjectMapper().readTree(sameLabels.out()).toString());
  }

  /**
   * Several statements in JSON are one document (an array of each statement's rows); SQL arrays
   * are JSON arrays.
   */
  @Test
  void jsonOfAScriptIsOneDocument() throws Exception {
    Run run = jointure("sql", "--model", model.toString(), "--format", "json", "-e",
        "SELECT ARRAY[1, 2, 3] AS a;"
            + " SELECT name FROM crm.countries ORDER BY id LIMIT 2");
    assertEquals(0, run.exit(), run.err());
    JsonNode results = new ObjectMapper().readTree(run.out());
    assertEquals(2, results.size(), run.out());
    assertEquals("[1,2,3]", results.get(0).get(0).get("a").toString());
    List<List<Object>> names = Jointure.rows(groundTruth,
        "SELECT name FROM crm.countries ORDER BY id LIMIT 2");
    assertEquals(names.get(1).get(0), results.get(1).get(1).get("name").asText());
  }

  /** A MongoDB double read as DECIMAL(12,2) prints with the column's scale: 38.30. */
  @Test
  @ExtendWith(MongoExtension.class)
  void decimalsPrintWithTheirColumnsScale(MongoExtension.TestMongo mongo, @TempDir Path dir)
      throws Exception {
    try (com.mongodb.client.MongoClient client =
             com.mongodb.client.MongoClients.create(mongo.uri())) {
      var prices = client.getDatabase("cli_decimals").getCollection("prices");
      prices.drop();
      prices.insertOne(new org.bson.Document("_id", 1).append("price", 38.3));
    }
    Path decimals = dir.resolve("decimals.yaml");
    Files.writeString(decimals, "version: 1\ndatasources:\n  m:\n    type: mongodb\n"
        + "    uri: \"" + mongo.uri() + "\"\n    database: cli_decimals\n    collections:\n"
        + "      prices: { schema: { _id: INTEGER, price: \"DECIMAL(12,2)\" } }\n");
    String sql = "SELECT price FROM m.prices";
    Run csv = jointure("sql", "--model", decimals.toString(), "--format", "csv", "-e", sql);
    assertEquals(List.of("price", "38.30"), csv.out().lines().toList(), csv.err());
    Run json = jointure("sql", "--model", decimals.toString(), "--format", "json", "-e", sql);
    assertTrue(json.out().contains("\"price\":38.30"), json.out());
  }

  @Test
  void sqlRunsAFileAsATable(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("report.sql");
    Files.writeString(script, "-- towns; and people\n" + QUERY + ";\n"
        + "SELECT name FROM crm.countries WHERE name = 'O''Brien Land';\n");
    Run run = jointure("sql", "--model", model.toString(), "-f", script.toString());
    assertEquals(0, run.exit(), run.err());
    List<List<Object>> expected = Jointure.rows(groundTruth, QUERY);
    assertTrue(run.out().contains("(" + expected.size() + " rows)"), run.out());
    assertTrue(run.out().contains("O'Brien Land"), run.out());
    assertTrue(run.out().contains("(1 row)"), run.out());
    String firstRow = run.out().lines().skip(2).findFirst().orElseThrow();
    assertTrue(firstRow.matches("1\\s+\\|\\s+" + expected.get(0).get(1) + "\\s+\\|\\s+"
        + expected.get(0).get(2)), firstRow);
  }

  @Test
  void sqlStopsAtTheFirstFailingStatement() {
    Run run = jointure("sql", "--model", model.toString(), "-e",
        "SELECT 1 AS a_one; SELECT nope FROM crm.towns; SELECT 2 AS a_two");
    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("statement 2: ") && run.err().toUpperCase().contains("NOPE"),
        run.err());
    assertTrue(run.out().contains("a_one") && !run.out().contains("a_two"), run.out());
  }

  /**
   * The seed model, a PostgreSQL datasource {@code down} and an HTTP API {@code downapi}, both on
   * a port nothing listens on.
   */
  private static Path modelWithADownSource(EmbeddedPostgres pg, Path dir) throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path down = dir.resolve("down.yaml");
    Files.writeString(down, SeedFixture.model(pg) + "  down:\n    type: postgresql\n"
        + "    url: jdbc:postgresql://127.0.0.1:" + closedPort + "/nothing\n    user: postgres\n"
        + "  downapi:\n    type: rest\n    baseUrl: http://127.0.0.1:" + closedPort + "\n"
        + "    collections:\n      things: { path: /things, schema: { id: INTEGER } }\n");
    return down;
  }

  /** A statement failing because a source is unreachable exits 2, as other fixable errors. */
  @Test
  void sqlExitsTwoWhenASourceIsUnreachable(EmbeddedPostgres pg, @TempDir Path dir)
      throws Exception {
    Path down = modelWithADownSource(pg, dir);
    Run run = jointure("sql", "--model", down.toString(), "-e", "SELECT * FROM down.anything");
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("datasource 'down'") && run.err().contains("cannot connect"),
        run.err());
    Run other = jointure("sql", "--model", down.toString(), "-e",
        "SELECT count(*) FROM crm.countries");
    assertEquals(0, other.exit(), "the other sources answer: " + other.err());
  }

  /**
   * A {@code type: jdbc} datasource whose driver Jointure does not ship (H2, as in the README)
   * works once its jar is given with {@code --driver-path}; without it, the error names the
   * datasource and the option. H2 is kept off the tests' class path for this.
   */
  @Test
  void aDriverJarGivenWithDriverPathServesItsDatabase(@TempDir Path dir) throws Exception {
    Path h2 = Path.of(System.getProperty("jointure.h2Jar", "missing"));
    assertTrue(Files.isRegularFile(h2), "the build copies H2's jar first: " + h2);
    String url = "jdbc:h2:file:" + dir.resolve("legacy").toAbsolutePath();
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(
        new java.net.URL[] {h2.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      java.sql.Driver driver = (java.sql.Driver) Class.forName("org.h2.Driver", true, loader)
          .getDeclaredConstructor().newInstance();
      try (Connection c = driver.connect(url, new java.util.Properties());
           java.sql.Statement s = c.createStatement()) {
        s.execute("CREATE TABLE towns (id INT PRIMARY KEY, name VARCHAR(40))");
        s.execute("INSERT INTO towns VALUES (1, 'Lyon'), (2, 'Nantes'), (3, 'Brest')");
      }
    }
    Path legacy = dir.resolve("legacy.yaml");
    Files.writeString(legacy, "version: 1\ndatasources:\n  legacy:\n    type: jdbc\n"
        + "    url: \"" + url + "\"\n    schemas: [PUBLIC]\n");
    String sql = "SELECT name FROM legacy.towns WHERE id > 1 ORDER BY id";
    Run without = jointure("sql", "--model", legacy.toString(), "-e", sql);
    assertTrue(without.exit() == 2 && without.err().contains("datasource 'legacy'")
        && without.err().contains("--driver-path"), without.err());
    Run run = jointure("sql", "--driver-path", h2.toString(), "--model", legacy.toString(),
        "--format", "csv", "-e", sql);
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of("name", "nantes", "brest"),
        run.out().lines().map(l -> l.toLowerCase(java.util.Locale.ROOT)).toList());
    Run notAJar = jointure("sql", "--driver-path", dir.toString() + "/none.jar", "--model",
        legacy.toString(), "-e", sql);
    assertEquals(2, notAJar.exit());
    assertTrue(notAJar.err().contains("not a jar or a folder of jars"), notAJar.err());
  }

  /**
   * MongoDB's dates (milliseconds) and a timestamp of another precision print alike, as
   * PostgreSQL prints timestamps: no zero fraction, no trailing zeros.
   */
  @Test
  @ExtendWith(MongoExtension.class)
  void timestampsPrintOneWayWhicheverSource(MongoExtension.TestMongo mongo, @TempDir Path dir)
      throws Exception {
    try (com.mongodb.client.MongoClient client =
             com.mongodb.client.MongoClients.create(mongo.uri())) {
      var events = client.getDatabase("cli_times").getCollection("events");
      events.drop();
      events.insertOne(new org.bson.Document("_id", 1)
          .append("at", java.util.Date.from(java.time.Instant.parse("2025-01-01T14:00:00Z")))
          .append("later", java.util.Date.from(java.time.Instant.parse("2025-01-01T14:00:00.250Z"))));
    }
    Path times = dir.resolve("times.yaml");
    Files.writeString(times, "version: 1\ndatasources:\n  m:\n    type: mongodb\n"
        + "    uri: \"" + mongo.uri() + "\"\n    database: cli_times\n");
    String sql = "SELECT at, later, CAST('2025-01-01 14:00:00' AS TIMESTAMP(0)) AS typed"
        + " FROM m.events";
    Run csv = jointure("sql", "--model", times.toString(), "--format", "csv", "-e", sql);
    // MongoDB's dates are instants, shown in the JVM's time zone (docs/DECISIONS.md).
    String localDay = java.time.LocalDateTime.ofInstant(
        java.time.Instant.parse("2025-01-01T14:00:00Z"), java.time.ZoneId.systemDefault())
        .toString().replace('T', ' ');
    assertEquals(List.of("at,later,typed",
        localDay + ":00," + localDay + ":00.25,2025-01-01 14:00:00"),
        csv.out().lines().toList(), csv.err());
  }

  /** In the shell, EXPLAIN prints one plan line per row under QUERY PLAN, as psql shows plans. */
  @Test
  void explainInTheShellIsOneLinePerRow() {
    Run run = jointure("sql", "--model", model.toString(), "-e",
        "EXPLAIN PLAN FOR SELECT name FROM crm.towns WHERE id > 2");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("QUERY PLAN", lines.get(0).strip());
    List<String> plan = lines.subList(2, lines.size() - 1);
    assertTrue(plan.size() > 1 && plan.get(0).startsWith("SourceToEnumerableConverter(")
        && plan.get(1).startsWith("  Jdbc"), run.out());
    assertEquals("(" + plan.size() + " rows)", lines.get(lines.size() - 1));
  }

  @Test
  void explainShowsEachSourcesRequest() {
    Run run = jointure("explain", "--model", model.toString(),
        "SELECT p.first_name, t.name FROM shop.people p JOIN crm.towns t ON t.id = p.town_id"
            + " WHERE p.age = 30;");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("source=[crm], sql=[SELECT \"id\", \"name\" FROM"), run.out());
    assertTrue(run.out().contains("FROM \"public\".\"people\" WHERE \"age\" = ?"), run.out());
  }

  /** {@code sql --url} runs on a running server, logging in with {@code --user}/{@code --password}. */
  @Test
  void sqlReachesARunningServer(EmbeddedPostgres pg, @TempDir Path dir) throws Exception {
    Path users = dir.resolve("users.properties");
    Files.writeString(users, "alice: s3cret\n");
    try (JointureServer server = JointureServer.start(
        ServerSettings.local(RemoteServerTest.modelUrl(pg), 0).withUsersFile(users))) {
      String url = server.jdbcUrl(Serialization.PROTOBUF);
      String sql = "SELECT count(*) AS towns FROM crm.towns";
      Run run = jointure("sql", "--url", url, "--user", "alice", "--password", "s3cret",
          "--format", "csv", "-e", sql);
      assertEquals(0, run.exit(), run.err());
      assertEquals("towns\n" + Jointure.rows(groundTruth, sql).get(0).get(0) + "\n",
          run.out().replace("\r\n", "\n"));
      Run refused = jointure("sql", "--url", url, "--user", "alice", "--password", "wrong",
          "-e", sql);
      assertEquals(2, refused.exit(), refused.err());
      assertTrue(refused.err().contains("cannot reach the server: the server refused the login"
          + " of user 'alice'"), refused.err());
    }
  }

  @Test
  void aJdbcUrlGivenAsTheModelSaysToUseUrl() {
    Run run = jointure("sql", "-m", "jdbc:jointure:remote:url=http://127.0.0.1:1", "-e",
        "SELECT 1");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("is a JDBC URL, not a model file")
        && run.err().contains("--url"), run.err());
  }

  /**
   * The connection pool's INFO lines stay off standard error (the command line's logger shows
   * warnings and above, demo/simplelogger.properties).
   */
  @Test
  void sqlPrintsNoLibraryInfoLines() throws Exception {
    Process sql = javaProcess("sql", "--model", model.toString(), "-e",
        "SELECT count(*) FROM crm.towns").start();
    String err = new String(sql.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, sql.waitFor(), err);
    assertFalse(err.contains("INFO") || err.contains("HikariPool"), err);
  }

  // ---- as separate processes

  private static ProcessBuilder javaProcess(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /** {@code serve --pg-port 0} prints a psql line and a pgjdbc URL that answer. */
  @Test
  void serveWithPgPortSpeaksPostgres(EmbeddedPostgres pg, @TempDir Path dir) throws Exception {
    Process server = javaProcess("serve", "--model", model.toString(), "--port", "0",
        "--pg-port", "0").redirectError(dir.resolve("stderr.txt").toFile()).start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String url = null;
      boolean psqlLine = false;
      for (String line = out.readLine(); line != null && url == null; line = out.readLine()) {
        psqlLine |= line.strip().startsWith("psql \"host=127.0.0.1 port=");
        if (line.strip().startsWith("jdbc:postgresql://")) {
          url = line.strip();
        }
      }
      assertTrue(psqlLine && url != null, "no PostgreSQL protocol lines; stderr: "
          + Files.readString(dir.resolve("stderr.txt")));
      try (Connection c = DriverManager.getConnection(url)) {
        assertEquals(Jointure.rows(groundTruth, "SELECT COUNT(*) FROM crm.towns").toString(),
            Jointure.rows(c, "SELECT COUNT(*) FROM crm.towns").toString());
      }
    } finally {
      server.destroyForcibly();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** {@code serve} checks its sources at start: one line per unreachable one, and it serves. */
  @Test
  void serveNamesAnUnreachableSourceAtStart(EmbeddedPostgres pg, @TempDir Path dir)
      throws Exception {
    Path served = modelWithADownSource(pg, dir);
    Path stderr = dir.resolve("stderr.txt");
    Process server = javaProcess("serve", "--model", served.toString(), "--port", "0")
        .redirectError(stderr.toFile()).start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      boolean serving = false;
      for (String line = out.readLine(); line != null && !serving; line = out.readLine()) {
        serving = line.startsWith("Jointure serves");
      }
      assertTrue(serving, "not serving; stderr: " + Files.readString(stderr));
      List<String> warnings = Files.readAllLines(stderr).stream()
          .filter(l -> l.startsWith("warning: ")).toList();
      assertEquals(2, warnings.size(), warnings.toString());
      assertTrue(warnings.stream().anyMatch(w -> w.contains("datasource 'down'")
          && w.contains("cannot connect")), warnings.toString());
      assertTrue(warnings.stream().anyMatch(w -> w.contains("datasource 'downapi'")
          && w.contains("cannot connect to 127.0.0.1:")), warnings.toString());
    } finally {
      server.destroyForcibly();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * {@code serve} answers a remote client, logs queries and source requests at debug level
   * without the model's password, and on SIGTERM stops and closes its source connections.
   */
  @Test
  void serveAnswersThenStopsCleanlyOnSigterm(EmbeddedPostgres pg, @TempDir Path dir)
      throws Exception {
    pg.createDatabase("cli_serve");
    Jointure.execute(pg, "cli_serve", "CREATE TABLE notes (id int PRIMARY KEY, body text);"
        + "INSERT INTO notes SELECT g, 'note ' || g FROM generate_series(1, 50) g;");
    Path served = dir.resolve("served.yaml");
    Files.writeString(served, "version: 1\ndatasources:\n  notes:\n    type: postgresql\n"
        + "    url: " + pg.jdbcUrl("cli_serve") + "\n    user: postgres\n"
        + "    password: " + SECRET + "\n");
    Path stderr = dir.resolve("stderr.txt");
    Process server = javaProcess("serve", "--model", served.toString(), "--port", "0", "--debug")
        .redirectError(stderr.toFile()).start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String url = null;
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.strip().startsWith("jdbc:avatica:remote:url=")) {
          url = line.strip().split("\\s+")[0];
          break;
        }
      }
      assertTrue(url != null, "no URL printed; stderr: " + Files.readString(stderr));
      try (Connection remote = DriverManager.getConnection(url)) {
        assertEquals(List.of(List.of("1", "note 7")), Jointure.rows(remote,
            "SELECT COUNT(*), MAX(body) FROM notes.notes WHERE id = 7"));
      }
      assertTrue(connectionsTo(pg, "cli_serve") > 0);
      server.destroy(); // SIGTERM
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
      assertEquals(143, server.exitValue()); // 128 + SIGTERM, after the shutdown hooks ran
    } finally {
      server.destroyForcibly();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (connectionsTo(pg, "cli_serve") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(0, connectionsTo(pg, "cli_serve"), "source connections left open");
    String log = Files.readString(stderr);
    assertTrue(log.contains("ms (to its first rows): SELECT COUNT(*), MAX(body)"), log);
    assertTrue(log.contains("notes: SELECT") && log.contains("-> 1 rows"), log);
    assertFalse(log.contains(SECRET), "the password reached the log");
    assertTrue(log.strip().endsWith("jointure: stopped"), "the shutdown did not finish: " + log);
  }

  private static long connectionsTo(EmbeddedPostgres pg, String database) throws Exception {
    try (Connection admin = pg.connect("postgres")) {
      return Long.parseLong(Jointure.rows(admin, "SELECT COUNT(*) FROM pg_stat_activity"
          + " WHERE datname = '" + database + "'").get(0).get(0).toString());
    }
  }

  /**
   * {@code demo --once} runs its examples, names each source by its kind and address, shows the
   * plans its headings describe, and keeps the model where {@code --save-model} says.
   */
  @Test
  void demoOnceRunsTheExamplesAndEnds(@TempDir Path dir) throws Exception {
    Path saved = dir.resolve("kept.yaml");
    Process demo = javaProcess("demo", "--once", "--save-model", saved.toString())
        .redirectErrorStream(true).start();
    String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(demo.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, demo.exitValue(), output);
    assertTrue(output.contains("Inhabitants per country"), output);
    assertTrue(output.contains("Foundation and Empire | Isaac"), output);
    assertTrue(output.contains("Done."), output);
    assertFalse(output.contains("Exception") || output.contains("warning:"), output);
    assertTrue(output.matches("(?s).*MongoDB at mongodb://127\\.0\\.0\\.1:\\d+ \\(datasource shop\\),"
        + " an HTTP API at http://127\\.0\\.0\\.1:\\d+ \\(datasource billing\\), a GraphQL API"
        + " at http://127\\.0\\.0\\.1:\\d+/graphql \\(datasource branches\\).*"), output);
    // The GraphQL example: the format a variable, the libraries asked for by a list of keys.
    String graphQl = output.substring(output.indexOf("The town libraries' GraphQL API"));
    graphQl = graphQl.substring(0, graphQl.indexOf("\n== "));
    assertTrue(graphQl.contains("books(format: $v0") && graphQl.contains("libraries(ids: $v0)")
        && graphQl.contains("Lyon    | Library 2  | 4"), graphQl);
    // "step 2 asks MongoDB for their authors only": a key list, not a read of the catalogue.
    String books = output.substring(output.indexOf("The seeds' books and authors"));
    books = books.substring(0, books.indexOf("\n== "));
    assertTrue(books.contains("asks MongoDB for their authors only")
        && books.contains("EnumerableKeyListJoin")
        && books.contains("db.authors.find({\"_id\": {\"$in\": "), books);
    String kept = Files.readString(saved);
    assertTrue(kept.contains("billing:\n    type: rest") && kept.contains("shop:\n    type: mongodb")
        && kept.contains("branches:\n    type: graphql"), kept);
    assertDoesNotThrow(() -> new io.jointure.model.ModelLoader().parse("kept", kept));
  }
}
