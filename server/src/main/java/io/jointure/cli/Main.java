package io.jointure.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code jointure} command. */
@Command(name = "jointure", mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Federated SQL over PostgreSQL, MongoDB and other sources, through JDBC.",
    subcommands = {DemoCommand.class, ServeCommand.class, SqlCommand.class,
        ExplainCommand.class, HelpCommand.class},
    footer = {"", "Run 'jointure <command> --help' for a command's options."})
public final class Main implements Runnable {
  /** Exit code for bad flags, a missing model, a port in use: the user can fix them. */
  static final int USAGE_ERROR = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and answers its exit code, without exiting. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setOut(out)
        .setErr(err)
        .setParameterExceptionHandler(Main::badInput)
        .setExecutionExceptionHandler(Main::failure);
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "no command given");
  }

  /** Bad flags: one line naming the problem and where the options are listed. */
  private static int badInput(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage()
        + "; run '" + command.getCommandSpec().qualifiedName() + " --help' for the options");
    return USAGE_ERROR;
  }

  private static int failure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    String name = command.getCommandSpec().qualifiedName();
    if (e instanceof UserError) {
      command.getErr().println(name + ": " + e.getMessage());
      return USAGE_ERROR;
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    if (!(e instanceof SQLException)) {
      message = e.getClass().getSimpleName() + ": " + message;
    }
    command.getErr().println(name + ": " + message);
    return 1;
  }

  /** Jointure's version, as its driver reports it. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws SQLException {
      java.sql.Driver driver = new io.jointure.jdbc.JointureDriver();
      return new String[] {"Jointure " + driver.getMajorVersion() + "." + driver.getMinorVersion()};
    }
  }
}
