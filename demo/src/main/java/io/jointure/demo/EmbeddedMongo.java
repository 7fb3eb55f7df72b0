package io.jointure.demo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * An in-process server speaking MongoDB's wire protocol (mongo-java-server, in memory) on
 * 127.0.0.1 and a free port, for the demo: no real MongoDB can be installed everywhere.
 */
public final class EmbeddedMongo implements AutoCloseable {
  private final MongoServer server = new MongoServer(new MemoryBackend());
  private final String uri;

  private EmbeddedMongo() {
    server.bind(new InetSocketAddress("127.0.0.1", 0));
    uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
  }

  public static EmbeddedMongo start() {
    return new EmbeddedMongo();
  }

  public String uri() {
    return uri;
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
