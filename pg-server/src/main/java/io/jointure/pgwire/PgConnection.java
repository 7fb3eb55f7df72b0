package io.jointure.pgwire;

import io.jointure.pgwire.auth.AuthenticationException;
import io.jointure.pgwire.catalog.Catalogs;
import io.jointure.pgwire.auth.ScramSha256;
import io.jointure.pgwire.protocol.AuthenticationMessages;
import io.jointure.pgwire.protocol.ErrorMessages;
import io.jointure.pgwire.protocol.FrontendDecoder;
import io.jointure.pgwire.protocol.FrontendMessage;
import io.jointure.pgwire.protocol.PgError;
import io.jointure.pgwire.protocol.ProtocolException;
import io.jointure.pgwire.protocol.SessionMessages;
import io.jointure.pgwire.session.Session;
import io.jointure.pgwire.session.SessionSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: the startup exchange (TLS, protocol version, authentication), then
 * its {@link Session}. Network events arrive on Netty's thread; everything that may wait (a
 * login's model, a query) runs on the connection's own {@link SerialExecutor}.
 */
final class PgConnection extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(PgConnection.class);
  private static final String INVALID_AUTHORIZATION = "28000";
  private static final String INVALID_PASSWORD = "28P01";

  private enum State { STARTUP, SASL_INITIAL, SASL_CONTINUE, READY, CLOSED }

  private final PgServerSettings settings;
  private final CancelRegistry cancels;
  private final Catalogs catalogs;
  private final Executor executor;
  private ChannelSink sink;
  private ChannelHandlerContext ctx;
  private volatile State state = State.STARTUP;
  private Map<String, String> startup;
  private String user;
  private ScramSha256 scram;
  private volatile Session session;
  private CancelRegistry.Key cancelKey;
  /** Messages read and not yet handled by the session. */
  private final java.util.concurrent.atomic.AtomicInteger waiting =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final int MAX_WAITING = 256;
  /** Ends a connection that has not logged in in time; cancelled when it closes. */
  private java.util.concurrent.ScheduledFuture<?> loginTimeout;
  /** PostgreSQL's SQLSTATE for a connection given up: connection_failure. */
  private static final String LOGIN_TIMEOUT = "08006";

  PgConnection(PgServerSettings settings, CancelRegistry cancels, Catalogs catalogs,
      Executor pool) {
    this.settings = settings;
    this.cancels = cancels;
    this.catalogs = catalogs;
    this.executor = new SerialExecutor(pool);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    this.ctx = ctx;
    this.sink = new ChannelSink(ctx.channel());
    // A client that has not logged in within the timeout holds no slot any longer.
    loginTimeout = ctx.executor().schedule(() -> executor.execute(() -> {
      if (state != State.READY && state != State.CLOSED) {
        fatal(LOGIN_TIMEOUT, "canceling authentication due to timeout: log in within "
            + settings.loginTimeout().toSeconds() + " s of connecting");
      }
    }), settings.loginTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    super.channelActive(ctx);
  }

  /**
   * Hands a message to the session's queue; past {@link #MAX_WAITING} waiting messages the
   * connection stops reading until the session catches up (a client that sends faster than its
   * queries run is held back instead of filling the server's memory).
   */
  private void enqueue(ChannelHandlerContext ctx, FrontendMessage message) {
    if (waiting.incrementAndGet() >= MAX_WAITING) {
      ctx.channel().config().setAutoRead(false);
    }
    executor.execute(() -> {
      try {
        handle(message);
      } finally {
        if (waiting.decrementAndGet() <= MAX_WAITING / 2 && !ctx.channel().config().isAutoRead()) {
          // On the network thread, as the pause was, and only if still caught up: a pause made
          // after this decrement is undone by a later one.
          ctx.channel().eventLoop().execute(() -> {
            if (waiting.get() <= MAX_WAITING / 2) {
              ctx.channel().config().setAutoRead(true);
            }
          });
        }
      }
    });
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    FrontendMessage message = (FrontendMessage) msg;
    // Answered on the network thread: TLS must start before the next bytes are read, and a
    // cancel must not wait behind the query it cancels.
    if (message instanceof FrontendMessage.SslRequest
        || message instanceof FrontendMessage.GssEncRequest) {
      // Bytes sent after the request, before the answer, would be read as plain text after
      // TLS starts (CVE-2021-23214): the client must wait for the answer.
      if (ctx.pipeline().get(FrontendDecoder.class).hasBufferedBytes()) {
        executor.execute(() -> fatal(ProtocolException.PROTOCOL_VIOLATION,
            "received unencrypted data after SSL request"));
        return;
      }
    }
    if (message instanceof FrontendMessage.SslRequest) {
      boolean tls = settings.tls().isPresent() && ctx.pipeline().get(SslHandler.class) == null;
      ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {(byte) (tls ? 'S' : 'N')}));
      if (tls) {
        SSLEngine engine = settings.tls().get().createSSLEngine();
        engine.setUseClientMode(false);
        ctx.pipeline().addFirst("tls", new SslHandler(engine));
      }
      return;
    }
    if (message instanceof FrontendMessage.GssEncRequest) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'N'}));
      return;
    }
    if (message instanceof FrontendMessage.CancelRequest cancel) {
      boolean cancelled = cancels.cancel(cancel.processId(), cancel.secretKey());
      LOG.debug("cancel request for process {}: {}", cancel.processId(),
          cancelled ? "sent" : "no such session");
      ctx.close();
      return;
    }
    enqueue(ctx, message);
  }

  private void handle(FrontendMessage message) {
    if (state == State.CLOSED) {
      return;
    }
    try {
      switch (state) {
        case STARTUP -> startup(message);
        case SASL_INITIAL, SASL_CONTINUE -> authenticate(message);
        case READY -> {
          if (message instanceof FrontendMessage.Terminate) {
            closeSession();
            ctx.close();
          } else {
            session.handle(message);
          }
        }
        default -> { }
      }
    } catch (ChannelSink.ClientGoneException gone) {
      state = State.CLOSED;
      closeSession();
    } catch (ProtocolException e) {
      fatal(e.sqlState(), e.getMessage());
    } catch (AuthenticationException e) {
      fatal(INVALID_PASSWORD, "password authentication failed for user \"" + user + "\"");
    } catch (RuntimeException | Error e) {
      LOG.warn("session failed", e);
      fatal("XX000", "internal error: " + e);
    }
  }

  private void startup(FrontendMessage message) {
    if (!(message instanceof FrontendMessage.Startup startup)) {
      throw new ProtocolException("expected a startup message, got "
          + message.getClass().getSimpleName());
    }
    if (startup.majorVersion() != 3) {
      throw new ProtocolException("0A000", "unsupported frontend protocol "
          + startup.majorVersion() + "." + startup.minorVersion()
          + ": server supports 3.0");
    }
    List<String> unknownOptions = new ArrayList<>();
    startup.parameters().keySet().stream().filter(name -> name.startsWith("_pq_."))
        .forEach(unknownOptions::add);
    if (startup.minorVersion() > 0 || !unknownOptions.isEmpty()) {
      SessionMessages.negotiateProtocolVersion(sink.buffer(), 0, unknownOptions);
    }
    this.startup = startup.parameters();
    this.user = startup.parameters().get("user");
    if (user == null || user.isEmpty()) {
      throw new ProtocolException(INVALID_AUTHORIZATION,
          "no PostgreSQL user name specified in startup packet");
    }
    if (startup.parameters().containsKey("replication")
        && !"false".equalsIgnoreCase(startup.parameters().get("replication"))) {
      throw new ProtocolException(INVALID_AUTHORIZATION, "replication connections are not"
          + " supported by Jointure");
    }
    if (settings.users().isPresent()) {
      scram = new ScramSha256(user, settings.users().get().verifier(user).orElse(null));
      AuthenticationMessages.sasl(sink.buffer(), List.of(ScramSha256.MECHANISM));
      sink.send();
      state = State.SASL_INITIAL;
      return;
    }
    if (!fromThisMachine()) {
      throw new ProtocolException(INVALID_AUTHORIZATION, "no users file: this server accepts"
          + " connections from its own machine only; start it with --users to log in from "
          + ctx.channel().remoteAddress());
    }
    loggedIn();
  }

  private boolean fromThisMachine() {
    return ctx.channel().remoteAddress() instanceof InetSocketAddress address
        && address.getAddress() != null && address.getAddress().isLoopbackAddress();
  }

  private void authenticate(FrontendMessage message) {
    if (!(message instanceof FrontendMessage.AuthenticationResponse response)) {
      throw new ProtocolException("expected a SASL response, got "
          + message.getClass().getSimpleName());
    }
    ByteBuffer body = ByteBuffer.wrap(response.body());
    if (state == State.SASL_INITIAL) {
      String mechanism = cString(body);
      if (!mechanism.equals(ScramSha256.MECHANISM)) {
        throw new ProtocolException(INVALID_AUTHORIZATION, "SASL mechanism " + mechanism
            + " is not supported; use " + ScramSha256.MECHANISM);
      }
      int length = body.remaining() >= 4 ? body.getInt() : -1;
      if (length < 0 || length > body.remaining()) {
        throw new ProtocolException("malformed SASLInitialResponse");
      }
      String clientFirst = new String(response.body(), body.position(), length,
          StandardCharsets.UTF_8);
      AuthenticationMessages.saslContinue(sink.buffer(),
          scram.serverFirst(clientFirst).getBytes(StandardCharsets.UTF_8));
      sink.send();
      state = State.SASL_CONTINUE;
      return;
    }
    String serverFinal = scram.serverFinal(new String(response.body(), StandardCharsets.UTF_8));
    AuthenticationMessages.saslFinal(sink.buffer(), serverFinal.getBytes(StandardCharsets.UTF_8));
    loggedIn();
  }

  private static String cString(ByteBuffer in) {
    int start = in.position();
    while (in.hasRemaining() && in.get() != 0) {
      // find the NUL
    }
    return new String(in.array(), start, Math.max(0, in.position() - start - 1),
        StandardCharsets.UTF_8);
  }

  /** Opens the session's Jointure connection and tells the client it may send queries. */
  private void loggedIn() {
    Connection connection;
    try {
      Properties info = new Properties();
      info.setProperty("user", user);
      connection = DriverManager.getConnection(settings.jdbcUrl(), info);
    } catch (SQLException e) {
      fatal(e.getSQLState() == null ? "XX000" : e.getSQLState(), "cannot open the model: "
          + e.getMessage());
      return;
    }
    SessionSettings sessionSettings = new SessionSettings(user, startup);
    try {
      catalogs.install(connection, sessionSettings);
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the session never started
      }
      fatal("XX000", "cannot add the catalog to the session: " + e.getMessage());
      return;
    }
    session = new Session(connection, sessionSettings, sink,
        sql -> catalogs.plain(sql, sessionSettings));
    Session opened = session;
    cancelKey = cancels.register(opened::cancel);
    sessionSettings.backendPid(cancelKey.processId());
    AuthenticationMessages.ok(sink.buffer());
    sessionSettings.reported().forEach((name, value) ->
        SessionMessages.parameterStatus(sink.buffer(), name, value));
    SessionMessages.backendKeyData(sink.buffer(), cancelKey.processId(), cancelKey.secretKey());
    state = State.READY;
    ctx.pipeline().get(FrontendDecoder.class).loggedIn();
    LOG.debug("session of {} to database {} opened", user, startup.get("database"));
    opened.readyForQuery();
  }

  /** A FATAL error ends the connection: the client reads why, then the server closes. */
  private void fatal(String sqlState, String message) {
    state = State.CLOSED;
    closeSession();
    sink.release();
    ByteBuf out = ctx.alloc().buffer();
    ErrorMessages.error(out, PgError.fatal(sqlState, message));
    ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
  }

  private void closeSession() {
    Session open = session;
    session = null;
    cancels.unregister(cancelKey);
    if (open != null) {
      open.close();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    sink.writabilityChanged();
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (loginTimeout != null) {
      loginTimeout.cancel(false);
    }
    // The client left, maybe mid-query: stop the query now, close the session in order.
    Session open = session;
    if (open != null) {
      open.cancel();
    }
    sink.writabilityChanged();
    executor.execute(() -> {
      state = State.CLOSED;
      closeSession();
      sink.release();
    });
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable problem = cause instanceof DecoderException && cause.getCause() != null
        ? cause.getCause() : cause;
    if (problem instanceof ProtocolException protocol) {
      executor.execute(() -> fatal(protocol.sqlState(), protocol.getMessage()));
    } else {
      LOG.debug("connection from {} failed: {}", ctx.channel().remoteAddress(), problem.toString());
      ctx.close();
    }
  }
}
