package io.jointure.cli;

import io.jointure.sql.parser.SqlStatements;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sqlline.SqlLine;

/** {@code jointure sql}: an interactive SQL shell over a model, or a script runner. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Run SQL over a model.",
        "Without -e or -f: an interactive shell (SQLLine; !help lists its commands, !quit"
            + " leaves), or, when the input is not a terminal, the statements read from it."})
final class SqlCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** What to run on: a model file (embedded), or a JDBC URL (a running server, say). */
  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "<file>",
        description = "the model file (YAML or JSON) naming the datasources and relations")
    Path model;

    @Option(names = "--url", required = true, paramLabel = "<jdbc-url>",
        description = "a Jointure JDBC URL instead of a model file, e.g. a running server:"
            + " jdbc:jointure:remote:url=http://127.0.0.1:8765")
    String url;

    String jdbcUrl() {
      return url != null ? url : ModelOption.jdbcUrl(model);
    }
  }

  @Mixin
  DriverPathOption drivers;

  @Option(names = {"-u", "--user"}, paramLabel = "<user>",
      description = "the user to log in as (a server started with --users)")
  String user;

  @Option(names = {"-p", "--password"}, paramLabel = "<password>",
      description = "the user's password; also read from $JOINTURE_PASSWORD")
  String password;

  @Option(names = {"-e", "--execute"}, paramLabel = "<sql>",
      description = "run these statements (separated by ';') and exit")
  String execute;

  @Option(names = {"-f", "--file"}, paramLabel = "<file>",
      description = "run the statements of this file and exit")
  Path file;

  @Option(names = "--format", paramLabel = "<format>", defaultValue = "table",
      description = "result format for -e, -f and piped input: ${COMPLETION-CANDIDATES}"
          + " (default: ${DEFAULT-VALUE})")
  ResultFormat format;

  @Override
  public Integer call() throws Exception {
    drivers.load();
    String url = target.jdbcUrl();
    if (password == null) {
      password = System.getenv("JOINTURE_PASSWORD");
    }
    if (execute != null && file != null) {
      throw new UserError("give either -e or -f, not both");
    }
    String script;
    if (execute != null) {
      script = execute;
    } else if (file != null) {
      script = read(file);
    } else if (System.console() != null) {
      return interactive(url, user, password);
    } else {
      script = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Connection connection = open(url, user, password)) {
      ResultWriter writer = format.writer(TerminalWidth.detect());
      return new ScriptRunner(connection, writer, out, err).run(SqlStatements.of(script));
    }
  }

  static Connection open(String url) {
    return open(url, null, null);
  }

  static Connection open(String url, String user, String password) {
    try {
      return user == null ? DriverManager.getConnection(url)
          : DriverManager.getConnection(url, user, password == null ? "" : password);
    } catch (SQLException | RuntimeException e) {
      // Avatica's client reports HTTP failures as RuntimeExceptions.
      String message = String.valueOf(e.getMessage());
      if (message.contains("HTTP/401")) {
        message = "the server refused the login" + (user == null ? " (give --user and --password)"
            : " of user '" + user + "' (wrong user or password)");
      }
      throw new UserError((url.startsWith("jdbc:jointure:remote:") ? "cannot reach the server: "
          : "cannot open the model: ") + message);
    }
  }

  private static String read(Path file) throws IOException {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new UserError("SQL file " + file + " not found; pass an existing file with -f");
    }
  }

  private static int interactive(String url, String user, String password) throws IOException {
    // SQLLine would end the process itself; Jointure decides its exit code.
    System.setProperty("sqlline.system.exit", "true");
    List<String> args = new ArrayList<>(List.of("-u", url,
        "--connectInteractionMode=notAskCredentials", "--isolation=TRANSACTION_NONE"));
    if (user != null) {
      args.addAll(List.of("-n", user, "-p", password == null ? "" : password));
    }
    SqlLine.Status status = SqlLine.start(args.toArray(String[]::new), null, true);
    return status == SqlLine.Status.OK ? 0 : 1;
  }
}
