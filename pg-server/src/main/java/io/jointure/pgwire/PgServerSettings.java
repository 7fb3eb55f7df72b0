package io.jointure.pgwire;

import io.jointure.pgwire.auth.PgUsers;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What the PostgreSQL protocol server serves and how.
 *
 * @param jdbcUrl         the embedded URL each session opens: every database name opens it
 * @param bind            the address to listen on
 * @param port            the port; 0 for any free port
 * @param users           who may log in (SCRAM-SHA-256); empty: anyone, from this machine only
 * @param tls             TLS for clients that ask for it (SSLRequest); empty: declined
 * @param maxMessageBytes the largest message a client may send
 * @param loginTimeout    how long a client may take from connecting to logging in (PostgreSQL's
 *                        authentication_timeout)
 */
public record PgServerSettings(String jdbcUrl, String bind, int port, Optional<PgUsers> users,
    Optional<SSLContext> tls, int maxMessageBytes, java.time.Duration loginTimeout) {
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 << 20;
  public static final java.time.Duration DEFAULT_LOGIN_TIMEOUT = java.time.Duration.ofMinutes(1);

  public PgServerSettings {
    Objects.requireNonNull(jdbcUrl);
    Objects.requireNonNull(bind);
    Objects.requireNonNull(users);
    Objects.requireNonNull(tls);
    Objects.requireNonNull(loginTimeout);
  }

  public static PgServerSettings local(String jdbcUrl, int port) {
    return new PgServerSettings(jdbcUrl, "127.0.0.1", port, Optional.empty(), Optional.empty(),
        DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_LOGIN_TIMEOUT);
  }

  public PgServerSettings withUsers(PgUsers users) {
    return new PgServerSettings(jdbcUrl, bind, port, Optional.of(users), tls, maxMessageBytes,
        loginTimeout);
  }

  public PgServerSettings withTls(SSLContext context) {
    return new PgServerSettings(jdbcUrl, bind, port, users, Optional.of(context), maxMessageBytes,
        loginTimeout);
  }

  public PgServerSettings withMaxMessageBytes(int bytes) {
    return new PgServerSettings(jdbcUrl, bind, port, users, tls, bytes, loginTimeout);
  }

  public PgServerSettings withLoginTimeout(java.time.Duration timeout) {
    return new PgServerSettings(jdbcUrl, bind, port, users, tls, maxMessageBytes, timeout);
  }

  @Override
  public String toString() {
    return "PgServerSettings[" + (jdbcUrl.contains("inline:") ? "(inline model)" : jdbcUrl)
        + ", " + bind + ":" + port + ", users=" + users.isPresent() + ", tls=" + tls.isPresent()
        + "]";
  }
}
