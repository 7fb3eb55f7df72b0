package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writes, bad SQL and a source that is down each get a clear error, and nothing is lost. */
@ExtendWith(PostgresExtension.class)
class ErrorsTest {
  private static Connection jointure;
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void connect(EmbeddedPostgres pg) throws Exception {
    SeedFixture.load(pg);
    postgres = pg;
    jointure = Jointure.connect(SeedFixture.model(pg));
  }

  @AfterAll
  static void close() throws Exception {
    jointure.close();
  }

  private static String error(Connection c, String sql) {
    return failure(c, sql).getMessage();
  }

  private static SQLException failure(Connection c, String sql) {
    return assertThrows(SQLException.class, () -> {
      try (Statement s = c.createStatement()) {
        s.executeQuery(sql).close();
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO crm.countries VALUES (9, 'X', 'XX')",
      "update crm.countries SET name = 'X'",
      "  -- a comment first\n DELETE FROM crm.countries",
      "CREATE TABLE crm.t (id int)",
      "DROP TABLE crm.countries",
  })
  void writesAreRefused(String sql) throws Exception {
    SQLException e = failure(jointure, sql);
    assertTrue(e.getMessage().contains("Jointure is read-only"), e.getMessage());
    assertEquals("25006", e.getSQLState());
    assertEquals(List.of(List.of("4")),
        Jointure.rows(postgres.connect("fx_crm"), "SELECT COUNT(*) FROM countries"));
  }

  @Test
  void unknownColumnIsNamed() {
    String message = error(jointure, "SELECT nme FROM crm.towns");
    assertTrue(message.contains("column \"nme\" does not exist"), message);
  }

  @Test
  void preparedStatementErrorsGiveTheReasonToo() {
    SQLException e = assertThrows(SQLException.class,
        () -> jointure.prepareStatement("SELECT nme FROM crm.towns WHERE id = ?").close());
    assertTrue(e.getMessage().contains("column \"nme\" does not exist"), e.getMessage());
    assertEquals("42703", e.getSQLState());
  }

  @Test
  void unknownTableIsNamed() {
    String message = error(jointure, "SELECT * FROM crm.townz");
    assertTrue(message.contains("relation \"crm.townz\" does not exist"), message);
  }

  @Test
  void syntaxErrorGivesThePosition() {
    String message = error(jointure, "SELECT FROM WHERE");
    assertTrue(message.contains("line 1, column"), message);
  }

  @Test
  void unquotedNamesMatchCaseInsensitively() throws Exception {
    assertEquals(Jointure.rows(jointure, "SELECT name FROM crm.countries ORDER BY id"),
        Jointure.rows(jointure, "SELECT NAME FROM CRM.Countries ORDER BY ID"));
  }

  /** A MongoDB that goes away while rows are read fails the query with a connection state. */
  @Test
  void aSourceLostMidQueryFailsWithAConnectionState() throws Exception {
    de.bwaldvogel.mongo.MongoServer mongo = new de.bwaldvogel.mongo.MongoServer(
        new de.bwaldvogel.mongo.backend.memory.MemoryBackend());
    mongo.bind("127.0.0.1", 0);
    java.net.InetSocketAddress address = mongo.getLocalAddress();
    String uri = "mongodb://127.0.0.1:" + address.getPort();
    try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(uri)) {
      List<org.bson.Document> documents = new java.util.ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        documents.add(new org.bson.Document("_id", i).append("n", i));
      }
      client.getDatabase("lost").getCollection("items").insertMany(documents);
    }
    String model = """
        version: 1
        datasources:
          gone: { type: mongodb, uri: "%s", database: lost, batchSize: 100 }
        """.formatted(uri);
    try (Connection c = Jointure.connect(model); Statement s = c.createStatement()) {
      var rows = s.executeQuery("SELECT n FROM gone.items");
      assertTrue(rows.next());
      mongo.shutdownNow();
      SQLException e = assertThrows(SQLException.class, () -> {
        while (rows.next()) {
          rows.getInt(1);
        }
      });
      assertTrue(e.getSQLState().startsWith("08"), e.getSQLState() + " " + e.getMessage());
      assertTrue(e.getMessage().contains("datasource 'gone'"), e.getMessage());
    } finally {
      mongo.shutdownNow();
    }
  }

  @Test
  void aSourceThatIsDownFailsTheQueryNamingTheSource() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String model = SeedFixture.model(postgres) + """
          down:
            type: postgresql
            url: jdbc:postgresql://127.0.0.1:%d/nothing
            user: postgres
        """.formatted(closedPort);
    try (Connection c = Jointure.connect(model)) {
      // Connecting is lazy: the model opens although one source is down.
      long start = System.nanoTime();
      SQLException e = failure(c, "SELECT * FROM down.anything");
      assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
      assertTrue(e.getMessage().contains("refused"), "its cause: " + e.getMessage());
      assertEquals(1, e.getMessage().split("datasource 'down'", -1).length - 1,
          "named once: " + e.getMessage());
      assertEquals("08001", e.getSQLState(), e.getMessage());
      // At once (one attempt), not after the pool's 10 s wait for a free connection.
      assertTrue(System.nanoTime() - start < 5_000_000_000L, "failed fast");
      // The other sources keep working on the same connection.
      assertEquals(List.of(List.of("4")), Jointure.rows(c, "SELECT COUNT(*) FROM crm.countries"));
    }
  }

  @Test
  void aMisnamedDatabaseFailsAtOnceWithPostgresMessage() throws Exception {
    String model = SeedFixture.model(postgres) + "  misnamed:\n    type: postgresql\n"
        + "    url: " + postgres.jdbcUrl("crmx") + "\n    user: postgres\n";
    try (Connection c = Jointure.connect(model)) {
      long start = System.nanoTime();
      SQLException e = failure(c, "SELECT * FROM misnamed.towns");
      assertTrue(e.getMessage().contains("database \"crmx\" does not exist"), e.getMessage());
      assertTrue(e.getMessage().contains("datasource 'misnamed'"), e.getMessage());
      assertTrue(System.nanoTime() - start < 5_000_000_000L, "failed fast");
    }
  }
}
