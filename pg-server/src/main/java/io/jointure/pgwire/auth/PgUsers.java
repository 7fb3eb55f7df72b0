package io.jointure.pgwire.auth;

import java.util.Map;
import java.util.Optional;

/**
 * Who may log in: each user's SCRAM verifier, made from the users file's passwords when the
 * server starts (the passwords themselves are not kept).
 */
public final class PgUsers {
  private final Map<String, ScramSha256.Verifier> verifiers;

  private PgUsers(Map<String, ScramSha256.Verifier> verifiers) {
    this.verifiers = Map.copyOf(verifiers);
  }

  public static PgUsers of(Map<String, char[]> passwords) {
    Map<String, ScramSha256.Verifier> verifiers = new java.util.HashMap<>();
    passwords.forEach((user, password) -> verifiers.put(user, ScramSha256.Verifier.of(password)));
    return new PgUsers(verifiers);
  }

  public Optional<ScramSha256.Verifier> verifier(String user) {
    return Optional.ofNullable(verifiers.get(user));
  }
}
