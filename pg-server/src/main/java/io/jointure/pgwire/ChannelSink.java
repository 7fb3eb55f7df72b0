package io.jointure.pgwire;

import io.jointure.pgwire.session.MessageSink;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * A session's messages to its client's channel, sent from the session's thread. Past 64 KiB a
 * buffer goes out, and sending waits while the channel is not writable (the client does not
 * read), so a result streams in bounded memory.
 */
final class ChannelSink implements MessageSink {
  private static final int SEND_AT_BYTES = 64 * 1024;
  private static final long WAIT_STEP_MS = 100;

  private final Channel channel;
  private final Object writable = new Object();
  private ByteBuf buffer;

  ChannelSink(Channel channel) {
    this.channel = channel;
  }

  @Override
  public ByteBuf buffer() {
    if (buffer == null) {
      buffer = channel.alloc().buffer(1024);
    }
    return buffer;
  }

  @Override
  public void sendIfFull() {
    if (buffer != null && buffer.readableBytes() >= SEND_AT_BYTES) {
      send();
    }
  }

  @Override
  public void send() {
    if (buffer == null || !buffer.isReadable()) {
      return;
    }
    ByteBuf out = buffer;
    buffer = null;
    if (!channel.isActive()) {
      out.release();
      throw new ClientGoneException();
    }
    channel.writeAndFlush(out);
    synchronized (writable) {
      while (!channel.isWritable() && channel.isActive()) {
        try {
          writable.wait(WAIT_STEP_MS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ClientGoneException();
        }
      }
    }
    if (!channel.isActive()) {
      throw new ClientGoneException();
    }
  }

  /** The channel became writable again, or closed: a waiting send goes on. */
  void writabilityChanged() {
    synchronized (writable) {
      writable.notifyAll();
    }
  }

  void release() {
    if (buffer != null) {
      buffer.release();
      buffer = null;
    }
  }

  /** The client left while its session was sending: the session ends. */
  static final class ClientGoneException extends RuntimeException {
    ClientGoneException() {
      super("the client closed the connection", null, false, false);
    }
  }
}
