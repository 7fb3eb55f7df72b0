package io.jointure.cli;

import io.jointure.adapter.SourceRegistry;
import io.jointure.demo.DemoSources;
import io.jointure.pgwire.PgServer;
import io.jointure.server.JointureServer;
import io.jointure.server.ServerSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.Callable;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jointure demo}: starts sample sources, serves them on 127.0.0.1, prints the URLs to
 * connect with and example queries with their results, then serves until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Try Jointure: sample sources, a server on 127.0.0.1, example queries.",
        "Starts sample sources (an embedded PostgreSQL with three databases, an in-process"
        + " MongoDB, an HTTP API, a GraphQL API) and the seeds' relations between them, serves"
        + " them on 127.0.0.1,"
        + " prints the JDBC URLs to connect with and example queries with their results, then"
        + " keeps serving until Ctrl-C.",
        "Without a terminal (a script, a pipe), it stops after the examples unless --serve."})
final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--port", paramLabel = "<port>", defaultValue = "8765",
      description = "the server's port (default: ${DEFAULT-VALUE}; 0 for any free port)")
  int port;

  @Option(names = "--pg-port", paramLabel = "<port>", defaultValue = "5433",
      description = "the PostgreSQL protocol's port, for psql and BI tools (default:"
          + " ${DEFAULT-VALUE}; 0 for any free port)")
  int pgPort;

  @Option(names = "--once", description = "run the examples and stop (no server)")
  boolean once;

  @Option(names = "--serve", description = "keep serving even without a terminal")
  boolean serve;

  @Option(names = "--save-model", paramLabel = "<file>",
      description = "also write the demo's model to <file>, kept after the demo ends, as a"
          + " starting point for a model of your own (the demo's temporary copy is deleted)")
  Path saveModel;

  @Option(names = "--debug",
      description = "log each query's duration and each request sent to a source")
  boolean debug;

  @Override
  public Integer call() throws Exception {
    if (once && serve) {
      throw new UserError("--once and --serve contradict each other; give one");
    }
    if (debug) {
      DebugLogging.enable();
    }
    boolean serving = serve || (!once && System.console() != null);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Starting an embedded PostgreSQL and an in-process MongoDB with sample data...");
    out.flush();
    try (CleanShutdown shutdown = new CleanShutdown()) {
      DemoSources sources = DemoSources.start();
      shutdown.then(sources);
      shutdown.first(SourceRegistry.global()::closeAll);
      String embeddedUrl = "jdbc:jointure:model=" + sources.model();
      SourceCheck.warnUnreachable(embeddedUrl, spec.commandLine().getErr());
      if (saveModel != null) {
        Files.copy(sources.model(), saveModel, StandardCopyOption.REPLACE_EXISTING);
      }
      JointureServer server = null;
      PgServer pg = null;
      if (serving) {
        server = ServeCommand.start(ServerSettings.local(embeddedUrl, port));
        shutdown.first(server::close);
        pg = ServeCommand.startPostgres(ServerSettings.local(embeddedUrl, port), pgPort);
        shutdown.first(pg::close);
      }
      printUrls(out, sources, embeddedUrl, server, pg);
      String url = server == null ? embeddedUrl : server.jdbcUrl(Serialization.PROTOBUF);
      out.println("Example queries" + (server == null ? "" : ", through the server") + ":");
      out.println();
      try (Connection connection = DriverManager.getConnection(url)) {
        DemoExamples.run(connection, out);
      }
      if (server == null) {
        out.println("Done. Run './jointure demo' in a terminal (or with --serve) to keep the"
            + " sources and the server up and connect a JDBC client.");
        out.flush();
        return 0;
      }
      printUrls(out, sources, embeddedUrl, server, pg);
      out.println("Serving until Ctrl-C.");
      out.flush();
      server.join();
    }
    return 0;
  }

  private void printUrls(PrintWriter out, DemoSources sources, String embeddedUrl,
      JointureServer server, PgServer pg) {
    out.println();
    out.println("Sources: PostgreSQL on 127.0.0.1:" + sources.postgres().port()
        + " (datasources crm, energy, library), MongoDB at " + sources.mongo().uri()
        + " (datasource shop), an HTTP API at " + sources.apiUrl() + " (datasource billing),"
        + " a GraphQL API at " + sources.graphQlUrl() + " (datasource branches)");
    out.println("Model: " + sources.model() + (saveModel == null
        ? " (deleted at the end; --save-model <file> keeps a copy)"
        : " (a copy kept in " + saveModel + ")"));
    if (server != null) {
      out.println("Connect a JDBC client with the driver jar"
          + " jdbc-driver-all/target/jointure-jdbc-*-all.jar and one of these URLs:");
      out.println("  " + server.jdbcUrl(Serialization.PROTOBUF));
      out.println("  " + embeddedUrl + "   (embedded, same machine)");
      out.println("or any Avatica client (serialization=json works too):");
      out.println("  " + server.avaticaJdbcUrl(Serialization.PROTOBUF));
      ServeCommand.printPostgres(out, pg, false);
    } else {
      out.println("Embedded URL (while the demo runs): " + embeddedUrl);
    }
    out.println();
    out.flush();
  }
}
