package dev.hawser.engine.spi;

import java.util.Arrays;

/** One thing the engine does to a host to apply a change. What --check -v prints is what a run sends. */
public sealed interface Step permits Step.Run, Step.Upload, Step.Reconnect {

  /** Human-readable form for --check -v output (never contains file contents). */
  String describe();

  /**
   * Runs a POSIX sh command line. A non-zero exit fails the task unless {@code allowFailure}; the rc,
   * stdout and stderr of the last Run step become the task's result.
   */
  record Run(String command, byte[] stdin, boolean allowFailure) implements Step {
    public Run(String command) {
      this(command, null, false);
    }

    @Override
    public String describe() {
      return command;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Run r && r.command.equals(command) && Arrays.equals(r.stdin, stdin)
          && r.allowFailure == allowFailure;
    }

    @Override
    public int hashCode() {
      return command.hashCode();
    }

    @Override
    public String toString() {
      return "Run[" + command + (stdin == null ? "" : ", stdin=" + stdin.length + " bytes") + "]";
    }
  }

  /**
   * Writes a whole file atomically: the engine writes a temp file in the same directory, sets
   * mode/owner/group on it, then renames it over {@code path}. Null mode/owner/group keep the
   * existing file's (or the defaults for a new file).
   */
  record Upload(String path, byte[] content, String mode, String owner, String group) implements Step {
    @Override
    public String describe() {
      return "write " + path + " (" + content.length + " bytes"
          + (mode == null ? "" : ", mode " + mode)
          + (owner == null ? "" : ", owner " + owner)
          + (group == null ? "" : ", group " + group) + ")";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Upload u && u.path.equals(path) && Arrays.equals(u.content, content)
          && java.util.Objects.equals(u.mode, mode) && java.util.Objects.equals(u.owner, owner)
          && java.util.Objects.equals(u.group, group);
    }

    @Override
    public int hashCode() {
      return path.hashCode();
    }

    @Override
    public String toString() {
      return "Upload[" + describe() + "]";
    }
  }

  /**
   * Proves the host is still reachable after a risky change: the engine opens a NEW connection to
   * the host within {@code timeoutSeconds} and runs {@code confirmCommand} there (e.g. disarming a
   * rollback timer). If that fails, the task fails with "host unreachable after change".
   */
  record Reconnect(String confirmCommand, int timeoutSeconds) implements Step {
    @Override
    public String describe() {
      return "reconnect within " + timeoutSeconds + "s, then: " + confirmCommand;
    }
  }
}
