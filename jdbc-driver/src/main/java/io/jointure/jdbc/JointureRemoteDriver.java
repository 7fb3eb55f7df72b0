package io.jointure.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.remote.Driver;

/**
 * The remote driver for a Jointure server: {@code jdbc:jointure:remote:url=http://host:8765}.
 * Avatica's own remote driver ({@code jdbc:avatica:remote:url=...}) works too, but reports
 * "Avatica" as the database product, which is what tools show and use to pick SQL habits.
 * A tool's user and password fields ({@code user}, {@code password}) log in to a server that
 * requires HTTP BASIC authentication, as Avatica's {@code avatica_user}/{@code avatica_password}.
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

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    Properties properties = new Properties();
    if (info != null) {
      properties.putAll(info);
    }
    String user = properties.getProperty("user");
    if (user != null && !user.isEmpty() && !url.contains("avatica_user")
        && properties.getProperty("avatica_user") == null) {
      properties.setProperty("avatica_user", user);
      properties.setProperty("avatica_password", properties.getProperty("password", ""));
      if (!url.contains("authentication=") && properties.getProperty("authentication") == null) {
        properties.setProperty("authentication", "BASIC");
      }
    }
    Connection connection = super.connect(url, properties);
    return connection == null ? null : DetailedErrors.wrapRemote(connection);
  }
}
