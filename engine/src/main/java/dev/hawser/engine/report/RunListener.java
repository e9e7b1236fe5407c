package dev.hawser.engine.report;

import java.util.Map;

/**
 * Events of one playbook run, in order. The executor calls these from several threads; it
 * guarantees that calls for one task are not interleaved with the next task's {@code taskStart}.
 * Implementations must be thread-safe for {@link #hostResult}.
 */
public interface RunListener {
  default void playbookStart(String path, boolean checkMode) {}

  default void playStart(String name) {}

  /** {@code handler} is true for RUNNING HANDLER. */
  default void taskStart(String name, boolean handler) {}

  /** A loop item's result: {@code r.item()} is set. The task's overall result follows via hostResult. */
  default void itemResult(HostResult r) {}

  default void hostResult(HostResult r) {}

  /** A one-line warning, e.g. "ansible_ssh_common_args is ignored". */
  default void warning(String msg) {}

  /** Extra detail shown at a verbosity level (1 for -v ...). */
  default void verbose(int level, String msg) {}

  /** PLAY RECAP: per host, in inventory order. */
  default void playbookEnd(Map<String, HostStats> recap, boolean interrupted) {}
}
