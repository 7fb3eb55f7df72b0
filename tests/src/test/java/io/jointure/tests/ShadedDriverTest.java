package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.server.JointureServer;
import io.jointure.server.ServerSettings;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one-jar driver ({@code jdbc-driver-all}), loaded alone in a class loader whose parent is
 * the platform loader, as a BI tool loads a driver jar: its drivers are found through
 * {@code META-INF/services/java.sql.Driver}, and embedded and remote connections answer what the
 * same SQL answers natively.
 */
@ExtendWith({PostgresExtension.class, MongoExtension.class})
class ShadedDriverTest {
  private static URLClassLoader isolated;
  private static Path jar;

  @BeforeAll
  static void load() throws Exception {
    jar = Path.of(System.getProperty("jointure.shadedJar", "missing"));
    assertTrue(Files.isRegularFile(jar), "build the one-jar driver first: " + jar);
    isolated = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        ClassLoader.getPlatformClassLoader());
  }

  @AfterAll
  static void close() throws Exception {
    isolated.close();
  }

  /** The driver of the isolated jar that accepts a URL, found as a tool finds it. */
  private static Driver driverFor(String url) throws Exception {
    for (Driver driver : ServiceLoader.load(Driver.class, isolated)) {
      if (driver.getClass().getClassLoader() == isolated && driver.acceptsURL(url)) {
        return driver;
      }
    }
    throw new AssertionError("no driver in " + jar + " accepts " + url);
  }

  private static Connection connect(String url, String inlineModel) throws Exception {
    Properties info = new Properties();
    if (inlineModel != null) {
      info.setProperty("model", "inline:" + inlineModel);
    }
    Connection connection = driverFor(url).connect(url, info);
    assertNotNull(connection);
    return connection;
  }

  /** A user looking for the driver in the module's target folder finds one jar: the driver. */
  @Test
  void theDriverIsTheOnlyJarInItsFolder() throws Exception {
    try (var files = Files.list(jar.getParent())) {
      assertEquals(List.of(jar.getFileName().toString()), files
          .map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".jar"))
          .toList());
    }
  }

  @Test
  void embeddedAcrossPostgresDatabasesAnswersAsNative(EmbeddedPostgres pg) throws Exception {
    SeedFixture.load(pg);
    String sql = "SELECT c.name, COUNT(p.id), AVG(p.age) FROM crm.countries c"
        + " JOIN crm.towns t ON t.country_id = c.id JOIN shop.people p ON p.town_id = t.id"
        + " WHERE t.population > 5000 GROUP BY c.name ORDER BY c.name";
    try (Connection shaded = connect("jdbc:jointure:", SeedFixture.model(pg));
         Connection native_ = pg.connect("fx_all")) {
      assertEquals("io.jointure.jdbc.JointureDriver", driverFor("jdbc:jointure:").getClass()
          .getName());
      assertTrue(shaded.getClass().getClassLoader() == isolated);
      List<List<Object>> expected = Jointure.rows(native_, sql);
      assertFalse(expected.isEmpty());
      assertEquals(expected, Jointure.rows(shaded, sql));
      DatabaseMetaData md = shaded.getMetaData();
      assertEquals("Jointure", md.getDatabaseProductName());
      assertEquals("Jointure JDBC Driver", md.getDriverName());
      assertEquals(1, Jointure.rows(md.getTables(null, "crm", "towns", null)).size());
    }
  }

  @Test
  void embeddedMongoJoinAnswersAsNative(EmbeddedPostgres pg, MongoExtension.TestMongo mongo)
      throws Exception {
    MongoFixture.load(pg, mongo);
    String sql = "SELECT t.name, COUNT(*) FROM shop.people p JOIN crm.towns t"
        + " ON t.id = p.town_id WHERE p.age > 30 GROUP BY t.name ORDER BY t.name";
    try (Connection shaded = connect("jdbc:jointure:", MongoFixture.model(pg, mongo));
         Connection native_ = pg.connect("fx_mongo_truth")) {
      List<List<Object>> expected = Jointure.rows(native_, sql);
      assertFalse(expected.isEmpty());
      assertEquals(expected, Jointure.rows(shaded, sql));
    }
  }

  /**
   * A host application's log (java.util.logging, where the one-jar driver's logging goes) gets
   * no INFO lines from the connection pool or the MongoDB driver: a pool starting, a cluster
   * connecting.
   */
  @Test
  void librariesLogNoInfoLinesIntoTheHostsLog(EmbeddedPostgres pg, MongoExtension.TestMongo mongo)
      throws Exception {
    pg.createDatabase("shaded_quiet");
    Jointure.execute(pg, "shaded_quiet", "CREATE TABLE notes (id int PRIMARY KEY);"
        + " INSERT INTO notes VALUES (1), (2);");
    List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        if (isLoggable(record)) {
          records.add(record);
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.addHandler(capture);
    String model = "version: 1\ndatasources:\n  pg: { type: postgresql, url: \""
        + pg.jdbcUrl("shaded_quiet") + "\", user: postgres }\n  m: { type: mongodb, uri: \""
        + mongo.uri() + "\", database: shaded_quiet }\n";
    try (Connection shaded = connect("jdbc:jointure:", model)) {
      assertEquals("[[2]]", Jointure.rows(shaded, "SELECT count(*) FROM pg.notes").toString());
      shaded.getMetaData().getTables(null, "m", "%", null).close();
    } finally {
      root.removeHandler(capture);
    }
    List<String> info = records.stream()
        .filter(r -> r.getLevel().intValue() < java.util.logging.Level.WARNING.intValue()
            && r.getLevel().intValue() >= java.util.logging.Level.INFO.intValue())
        .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
    assertTrue(info.isEmpty(), info.toString());
  }

  @Test
  void remoteClientInTheSameJarReachesAServer(EmbeddedPostgres pg) throws Exception {
    SeedFixture.load(pg);
    String sql = "SELECT t.name, p.first_name FROM crm.towns t JOIN shop.people p"
        + " ON p.town_id = t.id WHERE t.id < 20 ORDER BY t.name, p.id";
    try (JointureServer server = JointureServer.start(ServerSettings.local(
        "jdbc:jointure:model=inline:" + SeedFixture.model(pg), 0));
         Connection native_ = pg.connect("fx_all")) {
      List<List<Object>> expected = Jointure.rows(native_, sql);
      for (Serialization serialization : new Serialization[] {Serialization.PROTOBUF,
          Serialization.JSON}) {
        try (Connection viaJointure = connect(server.jdbcUrl(serialization), null);
             Connection viaAvatica = connect(server.avaticaJdbcUrl(serialization), null)) {
          assertEquals(expected, Jointure.rows(viaJointure, sql));
          assertEquals(expected, Jointure.rows(viaAvatica, sql));
          assertEquals("Jointure", viaJointure.getMetaData().getDatabaseProductName());
          // A tool configured with the one driver class uses it for both URL forms.
          Driver embeddedDriver = driverFor("jdbc:jointure:");
          try (Connection throughOneClass = embeddedDriver.connect(server.jdbcUrl(serialization),
              new Properties())) {
            assertEquals(expected, Jointure.rows(throughOneClass, sql));
          }
        }
      }
    }
  }

  /** Libraries a host may carry in other versions are relocated; Calcite and pgjdbc are not. */
  @Test
  void thirdPartyLibrariesAreRelocated() throws Exception {
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> classes = file.stream().map(e -> e.getName())
          .filter(n -> n.endsWith(".class")).toList();
      for (String library : List.of("com/google/common/", "com/fasterxml/jackson/",
          "com/zaxxer/hikari/", "com/google/protobuf/", "org/apache/hc/", "org/slf4j/",
          "org/yaml/", "com/mongodb/", "org/bson/", "org/apache/commons/")) {
        assertTrue(classes.stream().noneMatch(n -> n.startsWith(library)), library);
        assertTrue(classes.stream().anyMatch(n -> n.startsWith("io/jointure/shaded/" + library)),
            library + " relocated");
      }
      assertTrue(classes.contains("org/apache/calcite/jdbc/Driver.class"));
      assertTrue(classes.contains("org/apache/calcite/avatica/remote/Driver.class"));
      assertTrue(classes.contains("org/postgresql/Driver.class"));
    }
  }
}
