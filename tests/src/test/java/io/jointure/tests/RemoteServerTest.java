package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.server.JointureServer;
import io.jointure.server.ServerSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real Avatica remote client (the {@code jdbc:avatica:remote:} driver) against a Jointure
 * server: both serializations on one URL, answers equal to the same SQL run natively in one
 * database, BASIC authentication, and a server that keeps its own model whatever a client asks.
 */
class RemoteServerTest extends SeedFixtureTest {
  private static final String QUERY = "SELECT c.name, COUNT(p.id), AVG(p.age) FROM crm.countries c"
      + " JOIN crm.towns t ON t.country_id = c.id JOIN shop.people p ON p.town_id = t.id"
      + " GROUP BY c.name ORDER BY c.name";

  private static JointureServer server;

  @BeforeAll
  static void startServer(EmbeddedPostgres pg) throws Exception {
    server = JointureServer.start(ServerSettings.local(modelUrl(pg), 0));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  static String modelUrl(EmbeddedPostgres pg) {
    return "jdbc:jointure:model=inline:" + SeedFixture.model(pg);
  }

  @ParameterizedTest
  @EnumSource(value = Serialization.class, names = {"PROTOBUF", "JSON"})
  void remoteClientGetsTheNativeAnswer(Serialization serialization) throws Exception {
    try (Connection remote = DriverManager.getConnection(server.avaticaJdbcUrl(serialization))) {
      List<List<Object>> expected = Jointure.rows(groundTruth, QUERY);
      assertFalse(expected.isEmpty());
      assertEquals(expected, Jointure.rows(remote, QUERY));
      try (PreparedStatement byId = remote.prepareStatement(
          "SELECT p.first_name, t.name FROM shop.people p JOIN crm.towns t ON t.id = p.town_id"
              + " WHERE p.id = ?")) {
        for (int id : new int[] {1, 2, 33, 2999}) {
          byId.setInt(1, id);
          assertEquals(Jointure.rows(groundTruth, "SELECT p.first_name, t.name FROM shop.people p"
                  + " JOIN crm.towns t ON t.id = p.town_id WHERE p.id = " + id),
              Jointure.rows(byId.executeQuery()));
        }
      }
    }
  }

  @Test
  void largeResultsArriveWhole() throws Exception {
    String sql = "SELECT p.id, p.first_name, t.name FROM shop.people p"
        + " LEFT JOIN crm.towns t ON t.id = p.town_id ORDER BY p.id";
    try (Connection remote = DriverManager.getConnection(server.avaticaJdbcUrl(Serialization.PROTOBUF))) {
      List<List<Object>> rows = Jointure.rows(remote, sql);
      assertEquals(3000, rows.size()); // several frames
      assertEquals(Jointure.rows(groundTruth, sql), rows);
    }
  }

  /**
   * The server's default timeout (what {@code jointure serve --query-timeout} sets) stops a remote
   * client's query that would run for minutes: 3,000 x 3,000 x 300 rows compared in the executor.
   */
  @Test
  void theServersTimeoutStopsARemoteQuery() throws Exception {
    try (JointureServer limited = JointureServer.start(ServerSettings.local(
        modelUrl(pgOf()) + ";queryTimeoutSeconds=1", 0));
         Connection remote = DriverManager.getConnection(limited.jdbcUrl(Serialization.JSON));
         Statement s = remote.createStatement()) {
      long start = System.nanoTime();
      SQLException e = assertThrows(SQLException.class, () -> Jointure.rows(s.executeQuery(
          "SELECT count(*) FROM shop.people a, shop.people b, crm.towns t"
          + " WHERE a.age + b.age + t.population < 0")));
      double seconds = (System.nanoTime() - start) / 1e9;
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("statement timeout"), e.getMessage());
      assertTrue(seconds < 6, "stopped after " + seconds + " s");
      assertEquals(Jointure.rows(groundTruth, "SELECT count(*) FROM crm.towns"),
          Jointure.rows(s.executeQuery("SELECT count(*) FROM crm.towns")));
    }
  }

  /** Jointure's remote driver names Jointure; Avatica's names itself, as it always does. */
  @Test
  void metadataNamesJointure() throws Exception {
    try (Connection remote = DriverManager.getConnection(server.jdbcUrl(Serialization.PROTOBUF))) {
      DatabaseMetaData md = remote.getMetaData();
      assertEquals("Jointure", md.getDatabaseProductName());
      assertEquals("Jointure Remote JDBC Driver", md.getDriverName());
      assertEquals(1, Jointure.rows(md.getTables(null, "crm", "towns", null)).size());
      assertEquals(Jointure.rows(groundTruth, QUERY), Jointure.rows(remote, QUERY));
    }
  }

  @Test
  void errorsReachTheClientWithTheirReason() throws Exception {
    try (Connection remote = DriverManager.getConnection(server.avaticaJdbcUrl(Serialization.PROTOBUF))) {
      SQLException e = assertThrows(SQLException.class,
          () -> Jointure.rows(remote, "SELECT nope FROM crm.towns"));
      assertTrue(e.getMessage().contains("NOPE") || e.getMessage().contains("nope"),
          e.getMessage());
      // The server's internals stay on the server.
      assertTrue(e instanceof org.apache.calcite.avatica.AvaticaSqlException, e.toString());
      List<String> serverTraces =
          ((org.apache.calcite.avatica.AvaticaSqlException) e).getStackTraces();
      assertFalse(String.join("\n", serverTraces).contains("org.apache.calcite"),
          String.join("\n", serverTraces));
      SQLException write = assertThrows(SQLException.class,
          () -> remote.createStatement().execute("DELETE FROM crm.towns"));
      assertTrue(write.getMessage().toLowerCase().contains("read-only"), write.getMessage());
    }
  }

  /** A client's own connection properties cannot point the server at another model. */
  @Test
  void clientsCannotChooseTheModel() throws Exception {
    Properties info = new Properties();
    info.setProperty("model", "inline:version: 1\ndatasources: {}\n");
    // Not in the server's URL: were client properties passed on, upper-case names would fail.
    info.setProperty("caseSensitive", "true");
    try (Connection remote =
             DriverManager.getConnection(server.avaticaJdbcUrl(Serialization.PROTOBUF), info)) {
      assertEquals(Jointure.rows(groundTruth, "SELECT COUNT(*) FROM crm.towns"),
          Jointure.rows(remote, "SELECT COUNT(*) FROM CRM.TOWNS"));
    }
  }

  @Test
  void requestsFromWebPagesAndOtherHostNamesAreRefused() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String open = "{\"request\": \"openConnection\", \"connectionId\": \"web\"}";
    HttpResponse<String> fromPage = http.send(HttpRequest.newBuilder(
        URI.create(server.httpUrl())).header("Origin", "http://evil.example")
        .POST(HttpRequest.BodyPublishers.ofString(open)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(403, fromPage.statusCode(), fromPage.body());
    // A DNS name rebound to 127.0.0.1 arrives with its own name as the Host.
    int port = URI.create(server.httpUrl()).getPort();
    try (Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: rebind.evil.example:" + port
          + "\r\nContent-Type: application/json\r\nContent-Length: " + open.length()
          + "\r\nConnection: close\r\n\r\n" + open).getBytes(
              StandardCharsets.UTF_8));
      String status = new java.io.BufferedReader(new java.io.InputStreamReader(
          socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertTrue(status.contains(" 403 "), status);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Serialization.class, names = {"PROTOBUF", "JSON"})
  void basicAuthenticationRejectsAWrongPassword(Serialization serialization,
      @TempDir Path dir) throws Exception {
    Path users = dir.resolve("users.properties");
    Files.writeString(users, "alice: s3cret\n");
    try (JointureServer secured = JointureServer.start(
        ServerSettings.local(modelUrl(pgOf()), 0).withUsersFile(users))) {
      String url = secured.avaticaJdbcUrl(serialization) + ";authentication=BASIC";
      assertUnauthorized(() -> query(url + ";avatica_user=alice;avatica_password=wrong"));
      assertUnauthorized(() -> query(url + ";avatica_user=bob;avatica_password=s3cret"));
      assertUnauthorized(() -> query(secured.avaticaJdbcUrl(serialization)));
      assertEquals(Jointure.rows(groundTruth, "SELECT COUNT(*) FROM crm.towns"),
          query(url + ";avatica_user=alice;avatica_password=s3cret"));
      // Jointure's driver takes a tool's user and password fields as the server's login.
      String jointureUrl = secured.jdbcUrl(serialization);
      try (Connection c = DriverManager.getConnection(jointureUrl, "alice", "s3cret")) {
        assertEquals(Jointure.rows(groundTruth, "SELECT COUNT(*) FROM crm.towns"),
            Jointure.rows(c, "SELECT COUNT(*) FROM crm.towns"));
      }
      assertUnauthorized(() -> DriverManager.getConnection(jointureUrl, "alice", "wrong"));
    }
  }

  /** By default the server listens on 127.0.0.1 only: this machine's other addresses refuse. */
  @Test
  void listensOnLoopbackOnlyByDefault() throws Exception {
    int port = URI.create(server.httpUrl()).getPort();
    List<java.net.InetAddress> others = java.util.Collections.list(
        java.net.NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(n -> java.util.Collections.list(n.getInetAddresses()).stream())
        .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address).toList();
    org.junit.jupiter.api.Assumptions.assumeFalse(others.isEmpty(), "no other address here");
    for (java.net.InetAddress address : others) {
      assertThrows(java.io.IOException.class, () -> {
        try (Socket socket = new Socket()) {
          socket.connect(new java.net.InetSocketAddress(address, port), 2000);
        }
      }, address + " accepted a connection");
    }
    try (Socket socket = new Socket("127.0.0.1", port)) {
      assertTrue(socket.isConnected());
    }
  }

  /** HTTPS with a keystore: a client trusting the certificate gets answers over TLS. */
  @Test
  void tlsFromAKeystore(@TempDir Path dir) throws Exception {
    TestKeystore created = TestKeystore.create(dir);
    Path keystore = created.file();
    String password = created.password();
    try (JointureServer secured = JointureServer.start(ServerSettings.local(modelUrl(pgOf()), 0)
        .withTls(new ServerSettings.Tls(keystore, password)))) {
      assertTrue(secured.httpUrl().startsWith("https://127.0.0.1:"), secured.httpUrl());
      String url = secured.avaticaJdbcUrl(Serialization.PROTOBUF) + ";truststore=" + keystore
          + ";truststore_password=" + password;
      assertEquals(Jointure.rows(groundTruth, "SELECT COUNT(*) FROM crm.towns"), query(url));
    }
    IllegalArgumentException wrongPassword = assertThrows(IllegalArgumentException.class,
        () -> JointureServer.start(ServerSettings.local(modelUrl(pgOf()), 0)
            .withTls(new ServerSettings.Tls(keystore, "wrong"))));
    assertTrue(wrongPassword.getMessage().startsWith("keystore " + keystore + " cannot be used:"),
        wrongPassword.getMessage());
    assertFalse(wrongPassword.getMessage().contains(password));
  }

  private static void assertUnauthorized(org.junit.jupiter.api.function.Executable connect) {
    Throwable e = assertThrows(Throwable.class, connect);
    StringBuilder messages = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append(" / ");
    }
    assertTrue(messages.toString().contains("401"), messages.toString());
  }

  private static List<List<Object>> query(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      return Jointure.rows(c, "SELECT COUNT(*) FROM crm.towns");
    }
  }

  private static EmbeddedPostgres pg;

  @BeforeAll
  static void keep(EmbeddedPostgres postgres) {
    pg = postgres;
  }

  private static EmbeddedPostgres pgOf() {
    return pg;
  }
}
