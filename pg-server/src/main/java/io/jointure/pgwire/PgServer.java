package io.jointure.pgwire;

import io.jointure.pgwire.catalog.Catalogs;
import io.jointure.pgwire.protocol.FrontendDecoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves PostgreSQL's frontend/backend protocol 3.0 for one model: each client connection is a
 * session over its own Jointure connection. Netty carries the bytes and TLS; sessions run on
 * their own threads, so a slow source never holds up the network threads.
 */
public final class PgServer implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ExecutorService sessions;
  private final Channel channel;

  private PgServer(EventLoopGroup boss, EventLoopGroup workers, ExecutorService sessions,
      Channel channel) {
    this.boss = boss;
    this.workers = workers;
    this.sessions = sessions;
    this.channel = channel;
  }

  /**
   * Starts listening.
   *
   * @throws java.net.BindException the port is taken or the address is not this machine's
   */
  public static PgServer start(PgServerSettings settings) throws Exception {
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    Catalogs catalogs = new Catalogs(settings.jdbcUrl());
    ExecutorService sessions = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(catalogs.on(task),
          "jointure-pg-session-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    CancelRegistry cancels = new CancelRegistry();
    try {
      Channel channel = new ServerBootstrap().group(boss, workers)
          .channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
              new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast("decoder", new FrontendDecoder(settings.maxMessageBytes()));
              ch.pipeline().addLast("session", new PgConnection(settings, cancels, catalogs, sessions));
            }
          })
          .bind(settings.bind(), settings.port()).sync().channel();
      return new PgServer(boss, workers, sessions, channel);
    } catch (Exception e) {
      boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      sessions.shutdownNow();
      throw e;
    }
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  public String host() {
    return ((InetSocketAddress) channel.localAddress()).getAddress().getHostAddress();
  }

  /** Stops listening, ends every session and its queries. */
  @Override
  public void close() {
    channel.close().awaitUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    sessions.shutdown();
    try {
      if (!sessions.awaitTermination(5, TimeUnit.SECONDS)) {
        sessions.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sessions.shutdownNow();
    }
  }
}
