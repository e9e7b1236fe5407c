package dev.hawser.cli;

import dev.hawser.engine.exec.RunSummary;

/** Every exit code Hawser uses, in one place. */
final class ExitCodes {
  static final int OK = 0;
  static final int INTERNAL_ERROR = 1;
  static final int HOST_FAILED = 2;
  static final int HOST_UNREACHABLE = 4;
  static final int INVALID_INPUT = 5;
  static final int INTERRUPTED = 99;

  private ExitCodes() {}

  static int of(RunSummary s) {
    if (s.interrupted()) {
      return INTERRUPTED;
    }
    if (s.anyFailed()) {
      return HOST_FAILED;
    }
    if (s.anyUnreachable()) {
      return HOST_UNREACHABLE;
    }
    return OK;
  }
}
