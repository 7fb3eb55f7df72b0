package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.pgwire.PgServer;
import io.jointure.pgwire.PgServerSettings;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bytes no PostgreSQL client sends on purpose: malformed, oversized, unknown and out-of-order
 * messages, a startup without a user, a connection dropped mid-query. Each gets a clean
 * ErrorResponse with its SQLSTATE or a close, and the server goes on serving pgjdbc. The bytes
 * are written by hand here because no real client can be made to send them.
 */
@ExtendWith(PostgresExtension.class)
class PgProtocolBadInputTest {
  private static PgServer server;
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start(EmbeddedPostgres pg) throws Exception {
    postgres = pg;
    SeedFixture.load(pg);
    pg.createDatabase("pgw_bad");
    Jointure.execute(pg, "pgw_bad", "CREATE VIEW slow AS SELECT pg_sleep(60)::text AS slept;");
    server = PgServer.start(PgServerSettings.local("jdbc:jointure:model=inline:"
        + Jointure.model(pg, "crm", "fx_crm", "slowpg", "pgw_bad"), 0)
        .withMaxMessageBytes(1 << 20));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A message from the server: its type and body. */
  record Message(char type, byte[] body) {
    /** An ErrorResponse's field, e.g. 'C' for the SQLSTATE. */
    String field(char code) {
      int i = 0;
      while (i < body.length && body[i] != 0) {
        int end = i + 1;
        while (body[end] != 0) {
          end++;
        }
        if (body[i] == code) {
          return new String(body, i + 1, end - i - 1, StandardCharsets.UTF_8);
        }
        i = end + 1;
      }
      return null;
    }
  }

  /** A socket speaking raw protocol bytes. */
  static final class Raw implements AutoCloseable {
    final Socket socket;
    final DataOutputStream out;
    final DataInputStream in;

    Raw() throws IOException {
      this(server.port());
    }

    Raw(int port) throws IOException {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(20_000);
      out = new DataOutputStream(socket.getOutputStream());
      in = new DataInputStream(socket.getInputStream());
    }

    void startup(String... parameters) throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      DataOutputStream b = new DataOutputStream(body);
      b.writeInt(196608);
      for (String p : parameters) {
        b.write(p.getBytes(StandardCharsets.UTF_8));
        b.write(0);
      }
      b.write(0);
      out.writeInt(body.size() + 4);
      out.write(body.toByteArray());
      out.flush();
    }

    void message(char type, byte[] body) throws IOException {
      out.writeByte(type);
      out.writeInt(body.length + 4);
      out.write(body);
      out.flush();
    }

    static byte[] cstrings(String... parts) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (String p : parts) {
        body.writeBytes(p.getBytes(StandardCharsets.UTF_8));
        body.write(0);
      }
      return body.toByteArray();
    }

    Message read() throws IOException {
      char type = (char) in.readUnsignedByte();
      byte[] body = new byte[in.readInt() - 4];
      in.readFully(body);
      return new Message(type, body);
    }

    /** Messages up to and including the first of {@code type}. */
    List<Message> readUntil(char type) throws IOException {
      List<Message> messages = new ArrayList<>();
      Message m;
      do {
        m = read();
        messages.add(m);
      } while (m.type() != type);
      return messages;
    }

    /** The server closed the connection. */
    boolean closed() throws IOException {
      try {
        return in.read() < 0;
      } catch (java.net.SocketException e) {
        return true;
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static void assertServesOthers() throws Exception {
    try (Connection c = PgProtocolTest.pgjdbc(server, "")) {
      assertEquals(300, PgProtocolTest.count(c, "SELECT COUNT(*) FROM crm.towns"));
    }
  }

  @Test
  void aStartupPacketOfImpossibleLengthIsAProtocolViolation() throws Exception {
    try (Raw raw = new Raw()) {
      raw.out.writeInt(3);
      raw.out.writeInt(196608);
      raw.out.flush();
      Message error = raw.read();
      assertEquals('E', error.type());
      assertEquals("08P01", error.field('C'));
      assertTrue(raw.closed());
    }
    assertServesOthers();
  }

  /** A client that connects and never logs in is let go after the login timeout. */
  @Test
  void aClientThatDoesNotLogInIsDisconnected() throws Exception {
    PgServerSettings settings = PgServerSettings.local("jdbc:jointure:model=inline:"
        + Jointure.model(postgres, "crm", "fx_crm"), 0)
        .withLoginTimeout(java.time.Duration.ofSeconds(1));
    try (PgServer quick = PgServer.start(settings); Raw silent = new Raw(quick.port());
         Connection loggedIn = PgProtocolTest.pgjdbc(quick, "")) {
      Message error = silent.read();
      assertEquals('E', error.type());
      assertEquals("08006", error.field('C'));
      assertTrue(error.field('M').contains("timeout"), error.field('M'));
      assertTrue(silent.closed());
      // A session that did log in stays, past the timeout.
      assertEquals(300, PgProtocolTest.count(loggedIn, "SELECT COUNT(*) FROM crm.towns"));
    }
  }

  /**
   * A client that sends far more than the session has run (a thousand queries before reading
   * an answer) is held back while the session catches up, and gets every answer, in order.
   */
  @Test
  void aFloodOfQueriesIsAnsweredInOrder() throws Exception {
    try (Raw raw = new Raw()) {
      raw.startup("user", "analyst", "database", "crm");
      raw.readUntil('Z');
      ByteArrayOutputStream flood = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(flood);
      int queries = 1000;
      for (int i = 0; i < queries; i++) {
        byte[] sql = Raw.cstrings("SELECT " + i + " AS n");
        out.writeByte('Q');
        out.writeInt(sql.length + 4);
        out.write(sql);
      }
      raw.out.write(flood.toByteArray());
      raw.out.flush();
      for (int i = 0; i < queries; i++) {
        List<Message> answer = raw.readUntil('Z');
        Message row = answer.stream().filter(m -> m.type() == 'D').findFirst().orElseThrow();
        assertEquals(String.valueOf(i), new String(row.body(), 6, row.body().length - 6,
            StandardCharsets.UTF_8));
      }
    }
    assertServesOthers();
  }

  @Test
  void aStartupWithoutAUserIsRefused() throws Exception {
    try (Raw raw = new Raw()) {
      raw.startup("database", "crm");
      Message error = raw.read();
      assertEquals("28000", error.field('C'));
      assertTrue(error.field('M').contains("no PostgreSQL user name"), error.field('M'));
      assertTrue(raw.closed());
    }
    assertServesOthers();
  }

  @Test
  void anUnknownMessageTypeEndsTheConnectionWithAnError() throws Exception {
    try (Raw raw = new Raw()) {
      raw.startup("user", "analyst");
      raw.readUntil('Z');
      raw.message('z', new byte[] {1, 2, 3});
      Message error = raw.read();
      assertEquals("08P01", error.field('C'));
      assertTrue(error.field('M').contains("invalid frontend message type 'z'"), error.field('M'));
      assertTrue(raw.closed());
    }
    assertServesOthers();
  }

  @Test
  void anOversizedMessageIsRefusedBeforeItIsRead() throws Exception {
    try (Raw raw = new Raw()) {
      raw.startup("user", "analyst");
      raw.readUntil('Z');
      raw.out.writeByte('Q');
      raw.out.writeInt(Integer.MAX_VALUE);
      raw.out.flush();
      Message error = raw.read();
      assertEquals("54000", error.field('C'));
      assertTrue(raw.closed());
    }
    assertServesOthers();
  }

  /** Extended-protocol messages naming what does not exist: an error, then on at Sync. */
  @Test
  void outOfOrderMessagesFailUntilSyncAndTheSessionGoesOn() throws Exception {
    try (Raw raw = new Raw()) {
      raw.startup("user", "analyst");
      raw.readUntil('Z');
      ByteArrayOutputStream execute = new ByteArrayOutputStream();
      execute.writeBytes(Raw.cstrings("nosuchportal"));
      execute.writeBytes(new byte[] {0, 0, 0, 0});
      raw.message('E', execute.toByteArray());
      raw.message('D', new byte[] {'S', 'x', 0}); // skipped: after an error, until Sync
      raw.message('S', new byte[0]);
      List<Message> answer = raw.readUntil('Z');
      assertEquals(2, answer.size(), answer.toString());
      assertEquals("34000", answer.get(0).field('C'));
      // A Bind to a statement never parsed, and a Parse of a malformed body.
      ByteArrayOutputStream bind = new ByteArrayOutputStream();
      bind.writeBytes(Raw.cstrings("", "never"));
      bind.writeBytes(new byte[] {0, 0, 0, 0, 0, 0});
      raw.message('B', bind.toByteArray());
      raw.message('S', new byte[0]);
      answer = raw.readUntil('Z');
      assertEquals("26000", answer.get(0).field('C'));
      raw.message('Q', Raw.cstrings("SELECT COUNT(*) FROM crm.towns"));
      answer = raw.readUntil('Z');
      assertEquals(List.of('T', 'D', 'C', 'Z'), answer.stream().map(Message::type).toList());
      assertEquals("SELECT 1", new String(answer.get(2).body(), 0, answer.get(2).body().length - 1,
          StandardCharsets.UTF_8));
    }
  }

  /** Plain bytes sent behind an SSLRequest, before its answer, are refused (CVE-2021-23214). */
  @Test
  void bytesBehindAnSslRequestAreRefused() throws Exception {
    try (Raw raw = new Raw()) {
      ByteArrayOutputStream both = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(both);
      out.writeInt(8);
      out.writeInt(80877103);
      byte[] user = Raw.cstrings("user", "analyst", "");
      out.writeInt(8 + user.length);
      out.writeInt(196608);
      out.write(user);
      raw.out.write(both.toByteArray());
      raw.out.flush();
      Message error = raw.read();
      assertEquals("08P01", error.field('C'));
      assertTrue(raw.closed());
    }
    assertServesOthers();
  }

  /** A function call (the old fast-path protocol) gets its error and ReadyForQuery at once. */
  @Test
  void aFunctionCallIsRefusedAndTheSessionGoesOn() throws Exception {
    try (Raw raw = new Raw()) {
      raw.startup("user", "analyst");
      raw.readUntil('Z');
      raw.message('F', new byte[] {0, 0, 0, 42, 0, 0, 0, 0, 0, 0});
      List<Message> answer = raw.readUntil('Z');
      assertEquals("0A000", answer.get(0).field('C'));
      raw.message('Q', Raw.cstrings("SELECT COUNT(*) FROM crm.towns"));
      assertEquals('T', raw.read().type());
    }
  }

  /** A client gone mid-query: the query stops in its source, and the server serves others. */
  @Test
  void aConnectionDroppedMidQueryStopsItsQuery() throws Exception {
    try (Raw raw = new Raw()) {
      raw.startup("user", "analyst");
      raw.readUntil('Z');
      raw.message('Q', Raw.cstrings("SELECT slept FROM slowpg.slow"));
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (sleepingIn("pgw_bad") == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(1, sleepingIn("pgw_bad"), "the query did not reach PostgreSQL");
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (sleepingIn("pgw_bad") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(0, sleepingIn("pgw_bad"), "pg_sleep left running after the client left");
    assertServesOthers();
  }

  private static long sleepingIn(String database) throws Exception {
    try (Connection admin = postgres.connect("postgres")) {
      return PgProtocolTest.count(admin, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '"
          + database + "' AND wait_event = 'PgSleep'");
    }
  }
}
