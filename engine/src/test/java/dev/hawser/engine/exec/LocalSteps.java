package dev.hawser.engine.exec;

import dev.hawser.engine.connect.LocalConnection;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Step;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * For module tests on this machine: applies steps with the very scripts a real run sends (the
 * engine's step batches and upload script) through /bin/sh.
 */
public final class LocalSteps {
  private LocalSteps() {}

  /** Applies the steps; returns the last Run step's result (or null); a failing step throws. */
  public static ExecResult apply(List<Step> steps, String shellPrefix) throws IOException {
    ExecResult last = null;
    for (StepBatch batch : StepBatch.group(steps)) {
      if (batch.steps().get(0) instanceof Step.Reconnect) {
        throw new IllegalArgumentException("a Reconnect step needs a real host");
      }
      ExecResult r = new LocalConnection().exec(shellPrefix + batch.script(), batch.stdinBytes(), Duration.ofMinutes(1));
      StepBatch.Result read = batch.read(r);
      last = read.lastRun() != null ? read.lastRun() : last;
      if (read.failedStep() >= 0) {
        throw new IllegalStateException("step failed: " + batch.steps().get(read.failedStep()).describe()
            + ": " + read.failedOutput().message());
      }
    }
    return last;
  }
}
