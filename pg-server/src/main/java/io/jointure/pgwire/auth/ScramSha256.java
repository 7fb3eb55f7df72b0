package io.jointure.pgwire.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL runs it: the client
 * proves it knows the password without sending it, and the server proves it knows the user's
 * verifier. No channel binding (SCRAM-SHA-256-PLUS is not offered). One instance per login.
 */
public final class ScramSha256 {
  public static final String MECHANISM = "SCRAM-SHA-256";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  /** What the server keeps of a password: salt, iterations, StoredKey and ServerKey. */
  public record Verifier(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
    public static Verifier of(char[] password) {
      byte[] salt = new byte[16];
      RANDOM.nextBytes(salt);
      int iterations = 4096;
      byte[] salted = pbkdf2(password, salt, iterations);
      byte[] clientKey = hmac(salted, "Client Key");
      return new Verifier(salt, iterations, sha256(clientKey), hmac(salted, "Server Key"));
    }
  }

  /** Salts for users who do not exist derive from this, so that they look alike every time. */
  private static final byte[] UNKNOWN_USER_SECRET = new byte[32];

  static {
    RANDOM.nextBytes(UNKNOWN_USER_SECRET);
  }

  private final Verifier verifier;
  /** No such user: the exchange runs to its end, then fails whatever the proof. */
  private final boolean unknownUser;
  private String clientFirstBare;
  private String serverFirst;
  private String nonce;
  private String gs2Header;

  /**
   * {@code verifier} null: user {@code user} does not exist. The login runs to its end with a
   * salt that is the same on every try (as a real user's), and fails like a wrong password, so
   * that trying tells nothing of which users exist.
   */
  public ScramSha256(String user, Verifier verifier) {
    this.unknownUser = verifier == null;
    this.verifier = verifier != null ? verifier : new Verifier(java.util.Arrays.copyOf(
        hmac(UNKNOWN_USER_SECRET, user), 16), 4096, new byte[32], new byte[32]);
  }

  /** Reads client-first-message; answers server-first-message. */
  public String serverFirst(String clientFirst) {
    // gs2-header: "n,," (no channel binding), "y,," (client could but thinks we can't).
    if (!clientFirst.startsWith("n,") && !clientFirst.startsWith("y,")) {
      throw new AuthenticationException("SCRAM channel binding is not supported; connect with"
          + " channel_binding=disable or prefer");
    }
    int bareAt = clientFirst.indexOf(',', clientFirst.indexOf(',') + 1) + 1;
    if (bareAt <= 0) {
      throw new AuthenticationException("malformed SCRAM message: no GS2 header");
    }
    gs2Header = clientFirst.substring(0, bareAt);
    clientFirstBare = clientFirst.substring(bareAt);
    String clientNonce = attributes(clientFirstBare).get("r");
    if (clientNonce == null || clientNonce.isEmpty()) {
      throw new AuthenticationException("malformed SCRAM message: no nonce");
    }
    byte[] random = new byte[18];
    RANDOM.nextBytes(random);
    nonce = clientNonce + B64.encodeToString(random);
    serverFirst = "r=" + nonce + ",s=" + B64.encodeToString(verifier.salt()) + ",i="
        + verifier.iterations();
    return serverFirst;
  }

  /**
   * Reads client-final-message and checks its proof; answers server-final-message.
   *
   * @throws AuthenticationException the proof is wrong (a wrong password, or no such user)
   */
  public String serverFinal(String clientFinal) {
    Map<String, String> attributes = attributes(clientFinal);
    int proofAt = clientFinal.lastIndexOf(",p=");
    if (proofAt < 0 || attributes.get("c") == null || !nonce.equals(attributes.get("r"))) {
      throw new AuthenticationException("malformed SCRAM message: wrong nonce or no proof");
    }
    String binding = new String(B64D.decode(attributes.get("c")), StandardCharsets.UTF_8);
    if (!binding.equals(gs2Header)) {
      throw new AuthenticationException("SCRAM channel binding does not match");
    }
    String authMessage = clientFirstBare + "," + serverFirst + ","
        + clientFinal.substring(0, proofAt);
    byte[] proof = B64D.decode(attributes.get("p"));
    byte[] signature = hmac(verifier.storedKey(), authMessage);
    if (proof.length != signature.length) {
      throw new AuthenticationException("wrong password");
    }
    byte[] clientKey = new byte[proof.length];
    for (int i = 0; i < proof.length; i++) {
      clientKey[i] = (byte) (proof[i] ^ signature[i]);
    }
    if (!MessageDigest.isEqual(sha256(clientKey), verifier.storedKey()) || unknownUser) {
      throw new AuthenticationException("wrong password");
    }
    return "v=" + B64.encodeToString(hmac(verifier.serverKey(), authMessage));
  }

  private static Map<String, String> attributes(String message) {
    Map<String, String> attributes = new HashMap<>();
    for (String part : message.split(",")) {
      if (part.length() >= 2 && part.charAt(1) == '=') {
        attributes.put(part.substring(0, 1), part.substring(2));
      }
    }
    return attributes;
  }

  static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM lacks PBKDF2WithHmacSHA256", e);
    }
  }

  static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM lacks HmacSHA256", e);
    }
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM lacks SHA-256", e);
    }
  }
}
