package io.jointure.tests;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A MongoDB for the tests: the real one named by {@code $JOINTURE_TEST_MONGODB_URI} when set,
 * otherwise mongo-java-server in this process, speaking MongoDB's wire protocol on 127.0.0.1
 * (no real MongoDB can be installed on these machines). Tests reach it through the official driver
 * either way.
 */
public final class MongoExtension implements ParameterResolver {
  /** Where the tests' MongoDB listens. */
  public record TestMongo(String uri, boolean real) {
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestMongo.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Server.class, k -> new Server(), Server.class).mongo;
  }

  private static final class Server implements ExtensionContext.Store.CloseableResource {
    final TestMongo mongo;
    final MongoServer inProcess;

    Server() {
      String uri = System.getenv("JOINTURE_TEST_MONGODB_URI");
      if (uri != null && !uri.isBlank()) {
        inProcess = null;
        mongo = new TestMongo(uri, true);
      } else {
        inProcess = new MongoServer(new MemoryBackend());
        inProcess.bind(new InetSocketAddress("127.0.0.1", 0));
        InetSocketAddress address = inProcess.getLocalAddress();
        mongo = new TestMongo("mongodb://127.0.0.1:" + address.getPort(), false);
      }
    }

    @Override
    public void close() {
      if (inProcess != null) {
        inProcess.shutdownNow();
      }
    }
  }
}
