package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Results stream instead of being buffered, and a model's sources are only read when a query
 * needs them. Figures are printed, not asserted: these machines are shared and noisy.
 */
@ExtendWith(PostgresExtension.class)
class ScaleTest {
  private static final long ROWS = 5_000_000;

  @Test
  void fiveMillionRowsStreamThroughA96MegabyteHeap(EmbeddedPostgres pg) throws Exception {
    pg.createDatabase("fx_big");
    Jointure.execute(pg, "fx_big", "CREATE VIEW big AS SELECT g::bigint AS id,"
        + " md5(g::text) AS payload FROM generate_series(1, " + ROWS + ") g");
    // Buffered, 5M rows of (bigint, 32-character text) need several hundred megabytes of heap.
    Process scan = new ProcessBuilder(
        new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx96m",
        "-cp", System.getProperty("java.class.path"), ScanMain.class.getName(),
        Jointure.model(pg, "big", "fx_big"), "SELECT id, payload FROM big.big")
        .redirectErrorStream(true).start();
    long start = System.nanoTime();
    String output = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(scan.waitFor(10, TimeUnit.MINUTES), "scan finished");
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(0, scan.exitValue(), output);
    String result = output.lines().filter(l -> l.startsWith("rows=")).findFirst().orElse(output);
    assertTrue(result.startsWith("rows=" + ROWS + " sum=" + ROWS * (ROWS + 1) / 2 + " "), output);
    System.out.printf("[figure] 5M-row scan through Jointure, -Xmx96m: %s, %.1f s%n", result,
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
