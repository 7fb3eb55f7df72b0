package io.jointure.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Jointure server serves and how: the one model behind every client connection, the
 * address and port it listens on, and optional BASIC authentication and TLS.
 *
 * @param jdbcUrl   the embedded URL each client connection opens ({@code jdbc:jointure:model=...})
 * @param bind      the address to listen on; 127.0.0.1 unless told otherwise
 * @param port      the port; 0 for any free port
 * @param usersFile users and passwords for HTTP BASIC authentication (Jetty's
 *                  {@code user: password[,role...]} format); empty for none
 * @param tls       the keystore for HTTPS; empty for plain HTTP
 */
public record ServerSettings(String jdbcUrl, String bind, int port, Optional<Path> usersFile,
    Optional<Tls> tls) {
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_PORT = 8765;

  public ServerSettings {
    Objects.requireNonNull(jdbcUrl);
    Objects.requireNonNull(bind);
    Objects.requireNonNull(usersFile);
    Objects.requireNonNull(tls);
  }

  /** Leaves out an inline model, which may hold passwords. */
  @Override
  public String toString() {
    String model = jdbcUrl.contains("inline:") ? "(inline model)" : jdbcUrl;
    return "ServerSettings[" + model + ", " + bind + ":" + port + ", users=" + usersFile
        + ", " + tls + "]";
  }

  /** Plain HTTP on 127.0.0.1, no authentication. */
  public static ServerSettings local(String jdbcUrl, int port) {
    return new ServerSettings(jdbcUrl, DEFAULT_BIND, port, Optional.empty(), Optional.empty());
  }

  public ServerSettings withUsersFile(Path file) {
    return new ServerSettings(jdbcUrl, bind, port, Optional.of(file), tls);
  }

  public ServerSettings withTls(Tls keystore) {
    return new ServerSettings(jdbcUrl, bind, port, usersFile, Optional.of(keystore));
  }

  /**
   * A Java keystore (PKCS12 or JKS) holding the server's certificate and key.
   *
   * @param keystore the keystore file
   * @param password its password; never logged
   */
  public record Tls(Path keystore, String password) {
    @Override
    public String toString() {
      return "Tls[keystore=" + keystore + "]";
    }
  }
}
