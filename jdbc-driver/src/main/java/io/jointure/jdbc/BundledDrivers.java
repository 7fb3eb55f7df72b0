package io.jointure.jdbc;

import java.sql.Driver;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Registers the JDBC drivers that ship beside Jointure's (PostgreSQL's, for SQL datasources) with
 * {@code DriverManager}. A host that loads Jointure in a class loader of its own (a BI tool, or a
 * shaded jar in an isolated loader) does not make {@code DriverManager} scan that loader, so the
 * connection pools would otherwise find no driver for {@code jdbc:postgresql:}.
 */
final class BundledDrivers {
  private BundledDrivers() {
  }

  static void register() {
    Iterator<Driver> drivers =
        ServiceLoader.load(Driver.class, JointureDriver.class.getClassLoader()).iterator();
    while (true) {
      try {
        if (!drivers.hasNext()) {
          return;
        }
        drivers.next(); // loading a driver class registers it with DriverManager
      } catch (ServiceConfigurationError e) {
        // A driver that cannot load here is not one Jointure needs; keep going.
      }
    }
  }
}
