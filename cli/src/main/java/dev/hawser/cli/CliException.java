package dev.hawser.cli;

/** Bad input found by the CLI: printed as one "ERROR! ..." line, exit code 5. */
final class CliException extends Exception {
  CliException(String message) {
    super(message, null, false, false);
  }
}
