package dev.hawser.engine.spi;

import java.util.Map;

/** Fails the task with a one-line message (and optional result data such as rc/stdout). */
public final class ModuleException extends Exception {
  private final Map<String, Object> data;

  public ModuleException(String message) {
    this(message, Map.of());
  }

  public ModuleException(String message, Map<String, Object> data) {
    super(message);
    this.data = Map.copyOf(data);
  }

  /** Fails with the message and rc/stdout/stderr of a command that went wrong. */
  public static ModuleException of(String what, ExecResult r) {
    return new ModuleException(what + ": " + r.message(),
        Map.of("rc", r.rc(), "stdout", r.stdout(), "stderr", r.stderr()));
  }

  public Map<String, Object> data() {
    return data;
  }
}
