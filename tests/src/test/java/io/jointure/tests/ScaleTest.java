package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Results stream instead of being buffered, and a model's sources are only read when a query
 * needs them. Figures are printed, not asserted: these machines are shared and noisy.
 */
@ExtendWith({PostgresExtension.class, MongoExtension.class})
class ScaleTest {
  private static final long ROWS = 5_000_000;
  private static final int DOCUMENTS = 1_000_000;

  @Test
  void fiveMillionRowsStreamThroughA96MegabyteHeap(EmbeddedPostgres pg) throws Exception {
    pg.createDatabase("fx_big");
    Jointure.execute(pg, "fx_big", "CREATE VIEW big AS SELECT g::bigint AS id,"
        + " md5(g::text) AS payload FROM generate_series(1, " + ROWS + ") g");
    // Buffered, 5M rows of (bigint, 32-character text) need several hundred megabytes of heap.
    scanInSmallHeap("5M-row PostgreSQL scan", Jointure.model(pg, "big", "fx_big"),
        "SELECT id, payload FROM big.big", ROWS);
  }

  @Test
  void aMillionDocumentsStreamThroughA96MegabyteHeap(MongoExtension.TestMongo mongo)
      throws Exception {
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      MongoCollection<Document> big = client.getDatabase("fx_big").getCollection("big");
      big.drop();
      List<Document> batch = new ArrayList<>();
      for (int i = 1; i <= DOCUMENTS; i++) {
        batch.add(new Document("_id", (long) i).append("payload", "document number " + i));
        if (batch.size() == 10_000) {
          big.insertMany(batch);
          batch.clear();
        }
      }
    }
    String model = """
        version: 1
        datasources:
          big:
            type: mongodb
            uri: %s
            database: fx_big
        """.formatted(mongo.uri());
    scanInSmallHeap("1M-document MongoDB scan", model, "SELECT _id, payload FROM big.big",
        DOCUMENTS);
  }

  /** Scans in a JVM of its own with a 96 MB heap, checks every row came, prints the figures. */
  private static void scanInSmallHeap(String what, String model, String sql, long rows)
      throws Exception {
    Process scan = new ProcessBuilder(
        new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx96m",
        "-cp", System.getProperty("java.class.path"), ScanMain.class.getName(), model, sql)
        .redirectErrorStream(true).start();
    long start = System.nanoTime();
    String output = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(scan.waitFor(10, TimeUnit.MINUTES), "scan finished");
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(0, scan.exitValue(), output);
    String result = output.lines().filter(l -> l.startsWith("rows=")).findFirst().orElse(output);
    assertTrue(result.startsWith("rows=" + rows + " sum=" + rows * (rows + 1) / 2 + " "), output);
    System.out.printf("[figure] %s through Jointure, -Xmx96m: %s, %.1f s%n", what, result,
        seconds);
  }

  @Test
  void aHundredTableModelOpensWithoutTouchingTheSource(EmbeddedPostgres pg) throws Exception {
    pg.createDatabase("fx_wide");
    StringBuilder ddl = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      ddl.append("CREATE TABLE t").append(i)
          .append(" (id int PRIMARY KEY, name text, amount numeric(10,2), at timestamptz);");
    }
    Jointure.execute(pg, "fx_wide", ddl + "INSERT INTO t42 VALUES (1, 'x', 1.5, now());");
    String model = Jointure.model(pg, "wide", "fx_wide");
    long start = System.nanoTime();
    try (Connection c = Jointure.connect(model)) {
      long connected = System.nanoTime();
      assertTrue(Jointure.requests(c, "wide").isEmpty(), "no source request on connect");
      assertEquals(List.of(List.of("1")), Jointure.rows(c, "SELECT COUNT(*) FROM t42"));
      long firstQuery = System.nanoTime();
      System.out.printf("[figure] 100-table model: connect %.1f ms, first query (reads the"
          + " catalog) %.1f ms%n", (connected - start) / 1e6, (firstQuery - connected) / 1e6);
    }
    long again = System.nanoTime();
    try (Connection c = Jointure.connect(model)) {
      Jointure.rows(c, "SELECT COUNT(*) FROM t7");
      System.out.printf("[figure] 100-table model, second connection + query (cached catalog):"
          + " %.1f ms%n", (System.nanoTime() - again) / 1e6);
    }
  }
}
