package io.jointure.cli;

/**
 * Turns on Jointure's debug log (each query's duration, each request sent to a source) on
 * standard error, with times. Must run before the first logger is created, as SLF4J's simple
 * logger reads its settings then.
 */
final class DebugLogging {
  private DebugLogging() {
  }

  static void enable() {
    System.setProperty("org.slf4j.simpleLogger.log.io.jointure", "debug");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
  }
}
