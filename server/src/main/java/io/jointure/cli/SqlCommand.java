package io.jointure.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
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

  @Mixin
  ModelOption model;

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
    String url = model.jdbcUrl();
    if (execute != null && file != null) {
      throw new UserError("give either -e or -f, not both");
    }
    String script;
    if (execute != null) {
      script = execute;
    } else if (file != null) {
      script = read(file);
    } else if (System.console() != null) {
      return interactive(url);
    } else {
      script = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Connection connection = open(url)) {
      ResultWriter writer = format.writer(TerminalWidth.detect());
      return new ScriptRunner(connection, writer, out, err).run(SqlScript.statements(script))
          ? 0 : 1;
    }
  }

  static Connection open(String url) {
    try {
      return DriverManager.getConnection(url);
    } catch (SQLException e) {
      throw new UserError("cannot open the model: " + e.getMessage());
    }
  }

  private static String read(Path file) throws IOException {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new UserError("SQL file " + file + " not found; pass an existing file with -f");
    }
  }

  private static int interactive(String url) throws IOException {
    // SQLLine would end the process itself; Jointure decides its exit code.
    System.setProperty("sqlline.system.exit", "true");
    SqlLine.Status status = SqlLine.start(new String[] {
        "-d", "io.jointure.jdbc.JointureDriver", "-u", url,
        "--connectInteractionMode=notAskCredentials", "--isolation=TRANSACTION_NONE"},
        null, true);
    return status == SqlLine.Status.OK ? 0 : 1;
  }
}
