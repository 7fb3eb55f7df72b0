package io.jointure.cli;

/**
 * A problem the user can fix (a missing file, a port in use): reported as one line naming the
 * problem and the fix, with exit code 2, and no stack trace.
 */
final class UserError extends RuntimeException {
  UserError(String message) {
    super(message);
  }
}
