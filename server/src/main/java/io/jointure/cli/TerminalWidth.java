package io.jointure.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The width of the terminal the output goes to, or 0 when it goes to a file or a pipe. */
final class TerminalWidth {
  private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

  private TerminalWidth() {
  }

  static int detect() {
    if (System.console() == null) {
      return 0;
    }
    String columns = System.getenv("COLUMNS");
    if (columns != null && columns.matches("\\d+")) {
      return Integer.parseInt(columns);
    }
    JLINE_LOG.setLevel(Level.OFF); // no warnings about dumb terminals on the user's screen
    try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
      return Math.max(terminal.getWidth(), 0);
    } catch (Exception e) {
      return 0;
    }
  }
}
