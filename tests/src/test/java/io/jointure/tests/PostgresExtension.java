package io.jointure.tests;

import io.jointure.demo.EmbeddedPostgres;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real PostgreSQL server for the whole test run (on a free port, in a temporary
 * directory, as {@code nobody} when the tests run as root) and hands it to tests as a parameter.
 */
public final class PostgresExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmbeddedPostgres.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Server.class, k -> new Server(), Server.class).postgres;
  }

  /** Stopped by JUnit when the run ends. */
  private static final class Server implements ExtensionContext.Store.CloseableResource {
    final EmbeddedPostgres postgres;

    Server() {
      try {
        postgres = EmbeddedPostgres.start();
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot start the test PostgreSQL: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      postgres.close();
    }
  }
}
