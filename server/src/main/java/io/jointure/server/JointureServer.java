package io.jointure.server;

import io.jointure.jdbc.JointureDriver;
import io.jointure.model.Model;
import io.jointure.model.ModelException;
import io.jointure.model.ModelLoader;
import io.jointure.sql.errors.ErrorCode;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An Avatica HTTP server for one model: remote JDBC clients connect with
 * {@code jdbc:jointure:remote:url=http://host:port;serialization=protobuf} (or any Avatica client
 * with {@code jdbc:avatica:remote:...}; {@code serialization=json} on the same URL), and each
 * client connection is one embedded Jointure connection in this process.
 */
public final class JointureServer implements AutoCloseable {
  /** Any authenticated user (Jetty's role wildcard): the users file needs no roles. */
  private static final String[] ANY_AUTHENTICATED_USER = {"**"};

  private final ServerSettings settings;
  private final ServerMeta meta;
  private final HttpServer http;

  private JointureServer(ServerSettings settings, ServerMeta meta, HttpServer http) {
    this.settings = settings;
    this.meta = meta;
    this.http = http;
  }

  /**
   * Reads the model once and checks it (by opening one connection), then listens. Every client
   * connection uses that model: editing the file does not change a running server.
   *
   * @throws SQLException             the model cannot be opened; the message says why
   * @throws BindException            the port is taken
   * @throws IllegalArgumentException the users file or keystore cannot be read or used
   */
  public static JointureServer start(ServerSettings settings) throws SQLException, IOException {
    requireLocalAddress(settings.bind());
    settings.usersFile().ifPresent(file -> requireReadable(file, "users file"));
    settings.tls().ifPresent(tls -> requireReadable(tls.keystore(), "keystore"));
    Properties properties = ConnectStringParser.parse(
        settings.jdbcUrl().substring(JointureDriver.PREFIX.length()));
    Model model;
    try {
      model = new ModelLoader().load(properties.getProperty("model", ""));
    } catch (ModelException e) {
      throw new SQLException(e.getMessage(), ErrorCode.CONFIG_FILE_ERROR.sqlState(), e);
    }
    properties.remove("model");
    try (Connection check = JointureDriver.connect(model, properties)) {
      check.getMetaData();
    }
    ServerMeta meta = new ServerMeta(settings.jdbcUrl(), model, properties);
    HttpServer.Builder<Server> builder = new HttpServer.Builder<Server>()
        .withPort(settings.port())
        .withHandler(new EitherSerializationHandler(new LocalService(meta),
            isLoopback(settings.bind())))
        .withServerCustomizers(List.of(listenOn(settings.bind())), Server.class);
    settings.usersFile().ifPresent(file ->
        builder.withBasicAuthentication(file.toAbsolutePath().toString(), ANY_AUTHENTICATED_USER));
    settings.tls().ifPresent(tls -> builder.withTLS(tls.keystore().toFile(), tls.password(),
        tls.keystore().toFile(), tls.password()));
    HttpServer http = builder.build();
    try {
      http.start();
    } catch (RuntimeException e) {
      stopQuietly(http);
      meta.closeAll();
      if (hasCause(e, BindException.class)) {
        throw new BindException("port " + settings.port() + " on " + settings.bind()
            + " is already in use");
      }
      if (settings.tls().isPresent() && (hasCause(e, IOException.class)
          || hasCause(e, java.security.GeneralSecurityException.class))) {
        throw new IllegalArgumentException("keystore " + settings.tls().get().keystore()
            + " cannot be used: " + rootMessage(e) + "; check the file and its password");
      }
      throw e;
    }
    return new JointureServer(settings, meta, http);
  }

  private static ServerCustomizer<Server> listenOn(String address) {
    return server -> {
      for (Connector connector : server.getConnectors()) {
        ((ServerConnector) connector).setHost(address);
      }
    };
  }

  /** The address to listen on must be one of this machine's (or the wildcard). */
  private static boolean isLoopback(String bind) {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static void requireLocalAddress(String bind) {
    try {
      InetAddress address = InetAddress.getByName(bind);
      if (!address.isAnyLocalAddress() && NetworkInterface.getByInetAddress(address) == null) {
        throw new IllegalArgumentException("--bind " + bind + ": " + address.getHostAddress()
            + " is not an address of this machine; use 127.0.0.1, 0.0.0.0 or one of its"
            + " interfaces' addresses");
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind " + bind + ": unknown host; use an address"
          + " such as 127.0.0.1 or 0.0.0.0");
    } catch (SocketException e) {
      throw new IllegalArgumentException("--bind " + bind + ": " + e.getMessage());
    }
  }

  private static void requireReadable(Path file, String what) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(what + " " + file + " does not exist or cannot be read");
    }
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  private static void stopQuietly(HttpServer http) {
    try {
      http.stop();
    } catch (RuntimeException ignored) {
      // It did not start.
    }
  }

  public int port() {
    return http.getPort();
  }

  /** The server's HTTP address, {@code http://127.0.0.1:8765} or {@code https://...}. */
  public String httpUrl() {
    String host = settings.bind();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      host = "localhost";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return (settings.tls().isPresent() ? "https" : "http") + "://" + host + ":" + port();
  }

  /**
   * The URL for Jointure's remote driver ({@code jdbc:jointure:remote:}, in the one-jar driver),
   * which reports Jointure as the database product.
   */
  public String jdbcUrl(Serialization serialization) {
    return "jdbc:jointure:remote:" + urlProperties(serialization);
  }

  /** The URL for any Avatica remote client ({@code jdbc:avatica:remote:}). */
  public String avaticaJdbcUrl(Serialization serialization) {
    return "jdbc:avatica:remote:" + urlProperties(serialization);
  }

  private String urlProperties(Serialization serialization) {
    return "url=" + httpUrl() + ";serialization="
        + serialization.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Client connections open now. */
  public long openConnections() {
    return meta.openConnections();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    http.join();
  }

  /** Stops listening and closes every client's connection. */
  @Override
  public void close() {
    http.stop();
    meta.closeAll();
  }
}
