package io.jointure.cli;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * {@code --driver-path}: JDBC driver jars (or folders of them) for {@code type: jdbc}
 * datasources, which Jointure does not ship (H2, MySQL, SQL Server...). Also read from
 * {@code $JOINTURE_DRIVER_PATH}. The drivers are registered with {@code DriverManager} through
 * a {@link DriverShim}, as the connection pool asks it for a driver by URL and DriverManager
 * hands out only drivers of classes the caller's class loader can see.
 */
final class DriverPathOption {
  @Option(names = "--driver-path", paramLabel = "<jars>", split = ":",
      description = "JDBC driver jars or folders of jars for `type: jdbc` datasources,"
          + " separated by ':' (also $JOINTURE_DRIVER_PATH)")
  List<Path> paths = new ArrayList<>();

  /** Registers the drivers of the given jars; a path that is no jar or folder is an error. */
  void load() {
    List<Path> all = new ArrayList<>(paths);
    String env = System.getenv("JOINTURE_DRIVER_PATH");
    if (all.isEmpty() && env != null && !env.isBlank()) {
      for (String part : env.split(":")) {
        all.add(Path.of(part));
      }
    }
    if (all.isEmpty()) {
      return;
    }
    List<URL> jars = new ArrayList<>();
    for (Path path : all) {
      jars.addAll(jarsAt(path));
    }
    URLClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new),
        DriverPathOption.class.getClassLoader());
    int registered = 0;
    for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
      if (driver.getClass().getClassLoader() == loader) {
        try {
          DriverManager.registerDriver(new DriverShim(driver));
          registered++;
        } catch (SQLException e) {
          throw new UserError("cannot register JDBC driver " + driver.getClass().getName()
              + ": " + e.getMessage());
        }
      }
    }
    if (registered == 0) {
      throw new UserError("--driver-path " + all + ": no JDBC driver found in these jars;"
          + " give the driver's jar (it lists its driver in META-INF/services/java.sql.Driver)");
    }
  }

  private static List<URL> jarsAt(Path path) {
    try {
      if (Files.isDirectory(path)) {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(path)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
            urls.add(file.toUri().toURL());
          }
        }
        return urls;
      }
      if (Files.isRegularFile(path) && path.toString().endsWith(".jar")) {
        return List.of(path.toUri().toURL());
      }
    } catch (MalformedURLException e) {
      throw new UserError("--driver-path " + path + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UserError("--driver-path " + path + ": cannot read it: " + e.getMessage());
    }
    throw new UserError("--driver-path " + path + ": not a jar or a folder of jars");
  }
}
