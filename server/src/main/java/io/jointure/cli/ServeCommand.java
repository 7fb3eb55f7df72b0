package io.jointure.cli;

import io.jointure.adapter.SourceRegistry;
import io.jointure.model.QueryLimits;
import io.jointure.pgwire.PgServer;
import io.jointure.server.JointureServer;
import io.jointure.server.PostgresProtocol;
import io.jointure.server.ServerSettings;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jointure serve}: an Avatica HTTP server for one model, until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve a model to remote JDBC clients over HTTP (Avatica protocol), and with"
        + " --pg-port to PostgreSQL clients (psql, BI tools, any PostgreSQL driver).",
        "Clients connect with jdbc:jointure:remote:url=http://<host>:<port>;serialization=protobuf"
            + " (Jointure's driver jar) or jdbc:avatica:remote:url=... (any Avatica client);"
            + " serialization=json works on the same address. Each client connection is one"
            + " connection to the model."},
    footer = {"", "Users file: one line per user, 'name: password' (Jetty's format; passwords may"
        + " be stored as OBF:, MD5: or CRYPT: values). Clients then add"
        + " ;authentication=BASIC;avatica_user=<name>;avatica_password=<password> to the URL."})
final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ModelOption model;

  @Mixin
  DriverPathOption drivers;

  @Option(names = "--port", paramLabel = "<port>", defaultValue = "8765",
      description = "the port to listen on (default: ${DEFAULT-VALUE}; 0 for any free port)")
  int port;

  @Option(names = "--pg-port", paramLabel = "<port>",
      description = "also serve PostgreSQL's protocol on this port (0 for any free port), for"
          + " psql, BI tools and PostgreSQL drivers; any database name opens the model")
  Integer pgPort;

  @Option(names = "--bind", paramLabel = "<address>", defaultValue = ServerSettings.DEFAULT_BIND,
      description = "the address to listen on (default: ${DEFAULT-VALUE}, this machine only;"
          + " 0.0.0.0 for every interface)")
  String bind;

  @Option(names = "--users", paramLabel = "<file>",
      description = "require HTTP BASIC authentication with the users in this file")
  Path users;

  @Option(names = "--keystore", paramLabel = "<file>",
      description = "serve HTTPS with the certificate in this keystore (PKCS12 or JKS)")
  Path keystore;

  @Option(names = "--keystore-password", paramLabel = "<password>",
      defaultValue = "${env:JOINTURE_KEYSTORE_PASSWORD}",
      description = "the keystore's password (default: $JOINTURE_KEYSTORE_PASSWORD, which keeps"
          + " it out of the process list)")
  String keystorePassword;

  @Option(names = "--query-timeout", paramLabel = "<seconds>",
      description = "stop any query running longer than this (SQLSTATE 57014); the model's"
          + " queryTimeoutSeconds otherwise, and none if it sets none")
  Integer queryTimeout;

  @Option(names = "--debug",
      description = "log each query's duration and each request sent to a source")
  boolean debug;

  @Override
  public Integer call() throws Exception {
    drivers.load();
    if (debug) {
      DebugLogging.enable();
    }
    if (port < 0 || port > 65535) {
      throw new UserError("--port " + port + ": not a port; give a number from 1 to 65535"
          + " (0 for any free port)");
    }
    ServerSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    try (CleanShutdown shutdown = new CleanShutdown()) {
      JointureServer server = start(settings);
      warnIfExposed(settings);
      SourceCheck.warnUnreachable(settings.jdbcUrl(), spec.commandLine().getErr());
      // Stop the server before the sources it uses.
      shutdown.then(server::close);
      shutdown.then(SourceRegistry.global()::closeAll);
      out.println("Jointure serves " + model.model + " at " + server.httpUrl() + ". JDBC URLs:");
      out.println("  " + server.jdbcUrl(Serialization.PROTOBUF) + "   (Jointure's driver jar)");
      out.println("  " + server.avaticaJdbcUrl(Serialization.PROTOBUF) + "   (any Avatica client)");
      out.println("  serialization=json works on the same address.");
      if (pgPort != null) {
        PgServer pg = startPostgres(settings, pgPort);
        shutdown.first(pg::close);
        printPostgres(out, pg, users != null);
      }
      out.println("Stop it with Ctrl-C or SIGTERM.");
      out.flush();
      server.join();
    }
    return 0;
  }

  /** Serving beyond this machine without a login or without TLS deserves a word. */
  private void warnIfExposed(ServerSettings settings) {
    boolean loopback;
    try {
      loopback = java.net.InetAddress.getByName(settings.bind()).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return; // reported as a bad --bind when the server starts
    }
    PrintWriter err = spec.commandLine().getErr();
    if (!loopback && settings.usersFile().isEmpty()) {
      err.println("warning: --bind " + settings.bind() + " without --users lets anyone who"
          + " reaches this address query every source of the model");
    } else if (!loopback && settings.tls().isEmpty()) {
      err.println("warning: --bind " + settings.bind() + " without --keystore sends passwords"
          + " and results unencrypted");
    }
    err.flush();
  }

  private ServerSettings settings() {
    String url = model.jdbcUrl();
    if (queryTimeout != null) {
      if (queryTimeout < 0) {
        throw new UserError("--query-timeout " + queryTimeout + ": give a number of seconds"
            + " (0 for no timeout)");
      }
      // The quoted model path keeps any ';' in it from starting a property.
      url = "jdbc:jointure:model='" + model.model.toAbsolutePath().toString().replace("'", "''")
          + "';" + QueryLimits.QUERY_TIMEOUT_SECONDS + "=" + queryTimeout;
    }
    ServerSettings settings =
        new ServerSettings(url, bind, port, Optional.empty(), Optional.empty());
    if (users != null) {
      settings = settings.withUsersFile(users);
    }
    if (keystore != null) {
      if (keystorePassword == null || keystorePassword.isEmpty()) {
        throw new UserError("--keystore needs its password: set JOINTURE_KEYSTORE_PASSWORD or"
            + " pass --keystore-password");
      }
      settings = settings.withTls(new ServerSettings.Tls(keystore, keystorePassword));
    }
    return settings;
  }

  /** Starts the PostgreSQL protocol endpoint, with one-line errors for what the user can fix. */
  static PgServer startPostgres(ServerSettings settings, int port) throws Exception {
    if (port < 0 || port > 65535) {
      throw new UserError("--pg-port " + port + ": not a port; give a number from 1 to 65535"
          + " (0 for any free port)");
    }
    try {
      return PostgresProtocol.start(settings, port);
    } catch (BindException e) {
      throw new UserError(e.getMessage() + "; stop the program using it or choose another"
          + " port with --pg-port");
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** The lines a user pastes: a psql command and a pgjdbc URL. */
  static void printPostgres(PrintWriter out, PgServer pg, boolean withUsers) {
    String user = withUsers ? "<user>" : "jointure";
    out.println("PostgreSQL protocol at " + pg.host() + ":" + pg.port() + " (any database name):");
    out.println("  psql \"host=" + pg.host() + " port=" + pg.port() + " dbname=jointure user="
        + user + "\"");
    out.println("  jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/jointure?user=" + user);
  }

  /** Starts the server, turning what the user can fix into one-line errors. */
  static JointureServer start(ServerSettings settings) throws Exception {
    try {
      return JointureServer.start(settings);
    } catch (BindException e) {
      throw new UserError(e.getMessage() + "; stop the program using it or choose another"
          + " port with --port");
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    } catch (SQLException e) {
      throw new UserError("cannot open the model: " + e.getMessage());
    }
  }
}
