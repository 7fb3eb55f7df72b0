package io.jointure.server;

import io.jointure.pgwire.PgServer;
import io.jointure.pgwire.PgServerSettings;
import io.jointure.pgwire.auth.PgUsers;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.util.security.Password;

/**
 * The server's PostgreSQL protocol endpoint beside its Avatica one: the same model, address,
 * users file (logins by SCRAM-SHA-256) and keystore (TLS on SSLRequest).
 */
public final class PostgresProtocol {
  private PostgresProtocol() {
  }

  /**
   * Starts serving the protocol on {@code port} (0: any free port).
   *
   * @throws BindException            the port is taken
   * @throws IllegalArgumentException the users file or keystore cannot be used
   */
  public static PgServer start(ServerSettings settings, int port) throws Exception {
    PgServerSettings pg = new PgServerSettings(settings.jdbcUrl(), settings.bind(), port,
        java.util.Optional.empty(), java.util.Optional.empty(),
        PgServerSettings.DEFAULT_MAX_MESSAGE_BYTES, PgServerSettings.DEFAULT_LOGIN_TIMEOUT);
    if (settings.usersFile().isPresent()) {
      pg = pg.withUsers(PgUsers.of(passwords(settings.usersFile().get())));
    }
    if (settings.tls().isPresent()) {
      pg = pg.withTls(sslContext(settings.tls().get()));
    }
    try {
      return PgServer.start(pg);
    } catch (BindException e) {
      throw new BindException("port " + port + " on " + settings.bind() + " is already in use");
    }
  }

  /**
   * The users file's passwords, in Jetty's format ({@code name: password[,role...]}); an
   * {@code OBF:} password is read back, while {@code MD5:} and {@code CRYPT:} ones cannot give
   * a SCRAM verifier: such users log in over HTTP only.
   */
  static Map<String, char[]> passwords(Path file) throws IOException {
    Map<String, char[]> passwords = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (String line : lines) {
      String text = line.strip();
      int colon = text.indexOf(':');
      if (text.isEmpty() || text.startsWith("#") || colon <= 0) {
        continue;
      }
      String user = text.substring(0, colon).strip();
      String credential = text.substring(colon + 1).strip();
      int comma = credential.indexOf(',');
      String password = (comma < 0 ? credential : credential.substring(0, comma)).strip();
      if (password.startsWith("OBF:")) {
        password = Password.deobfuscate(password);
      } else if (password.startsWith("MD5:") || password.startsWith("CRYPT:")) {
        continue;
      }
      passwords.put(user, password.toCharArray());
    }
    return passwords;
  }

  static SSLContext sslContext(ServerSettings.Tls tls) {
    try {
      char[] password = tls.password().toCharArray();
      KeyStore keystore = KeyStore.getInstance(tls.keystore().toFile(), password);
      KeyManagerFactory keys = KeyManagerFactory.getInstance(
          KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keystore, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("keystore " + tls.keystore() + " cannot be used: "
          + e.getMessage() + "; check the file and its password");
    }
  }
}
