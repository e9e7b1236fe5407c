package dev.hawser.engine.exec;

import dev.hawser.engine.report.RunListener;
import java.nio.file.Path;

/** What every task of a run shares. */
record RunContext(
    RunOptions options,
    RunListener listener,
    Expressions expressions,
    ModuleRegistry modules,
    ConnectionFactory factory,
    Masker masker,
    Path playbookDir,
    java.util.Set<String> warned) {

  /** Warns once per run for each distinct message. */
  void warnOnce(String message) {
    if (warned.add(message)) {
      listener.warning(message);
    }
  }
}
