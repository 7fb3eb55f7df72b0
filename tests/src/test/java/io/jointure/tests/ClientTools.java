package io.jointure.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * PostgreSQL clients that are not Java and not ours: psql from the machine's PostgreSQL client
 * packages, Node.js with node-postgres from npm. {@code .ci/run} installs them and sets
 * {@code JOINTURE_REQUIRE_CLIENTS=1}, so that in CI a missing one fails; elsewhere (a machine with
 * only a JDK) their tests are skipped with the reason.
 */
final class ClientTools {
  private ClientTools() {
  }

  static Path psql() {
    Optional<Path> found = onPath("psql");
    if (found.isEmpty()) {
      try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
        found = versions.map(v -> v.resolve("bin/psql")).filter(Files::isExecutable).findFirst();
      } catch (IOException e) {
        found = Optional.empty();
      }
    }
    return require(found, "psql", "apt-get install postgresql-client");
  }

  static Path node() {
    return require(onPath("node"), "node", "apt-get install nodejs npm");
  }

  static Path npm() {
    return require(onPath("npm"), "npm", "apt-get install nodejs npm");
  }

  private static Path require(Optional<Path> tool, String name, String install) {
    if (tool.isEmpty()) {
      String why = name + " is not installed; " + install + " (.ci/run does)";
      if ("1".equals(System.getenv("JOINTURE_REQUIRE_CLIENTS"))) {
        throw new AssertionError(why);
      }
      assumeTrue(false, why);
    }
    return tool.get();
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
