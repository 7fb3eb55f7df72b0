package io.jointure.pgwire.session;

import io.netty.buffer.ByteBuf;

/**
 * Where a session writes its messages: a buffer sent when full or when the protocol says (Sync,
 * Flush, the end of a simple query). Sending waits while the client does not read, so a large
 * result never piles up in memory.
 */
public interface MessageSink {
  /** The buffer the next messages go to. */
  ByteBuf buffer();

  /** Sends the buffer if it has grown large. */
  void sendIfFull();

  /** Sends what is buffered now. */
  void send();
}
