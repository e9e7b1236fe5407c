package dev.hawser.engine.spi;

/** The outcome of one command on a host. */
public record ExecResult(int rc, String stdout, String stderr) {
  public ExecResult {
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
  }

  public boolean ok() {
    return rc == 0;
  }

  /** stderr if there is any, else stdout, trimmed: the text to show a user when a command failed. */
  public String message() {
    String s = stderr.isBlank() ? stdout : stderr;
    return s.strip();
  }
}
