package io.jointure.jdbc;

import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.remote.Driver;

/**
 * The remote driver for a Jointure server: {@code jdbc:jointure:remote:url=http://host:8765}.
 * Avatica's own remote driver ({@code jdbc:avatica:remote:url=...}) works too, but reports
 * "Avatica" as the database product, which is what tools show and use to pick SQL habits.
 */
public class JointureRemoteDriver extends Driver {
  public static final String PREFIX = "jdbc:jointure:remote:";

  static {
    new JointureRemoteDriver().register();
  }

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return JointureDriverVersion.REMOTE;
  }
}
