package io.jointure.jdbc;

import org.apache.calcite.avatica.DriverVersion;

/** Jointure's name and version, reported by the driver and by {@code DatabaseMetaData}. */
final class JointureDriverVersion {
  static final DriverVersion INSTANCE = new DriverVersion(
      "Jointure JDBC Driver", "0.1.0", "Jointure", "0.1.0", true, 0, 1, 0, 1);
  static final DriverVersion REMOTE = new DriverVersion(
      "Jointure Remote JDBC Driver", "0.1.0", "Jointure", "0.1.0", true, 0, 1, 0, 1);

  private JointureDriverVersion() {
  }
}
