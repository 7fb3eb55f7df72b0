package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

/** A self-signed certificate for 127.0.0.1 in a PKCS12 keystore, made by the JDK's keytool. */
record TestKeystore(Path file, String password) {
  static TestKeystore create(Path dir) throws Exception {
    Path keystore = dir.resolve("server.p12");
    String password = "changeit-" + System.nanoTime();
    Process keytool = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "jointure", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password,
        "-keypass", password).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertEquals(0, keytool.waitFor(), output);
    return new TestKeystore(keystore, password);
  }
}
