package dev.hawser.engine.exec;

import dev.hawser.engine.connect.Connection;
import dev.hawser.engine.connect.UnreachableException;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Step;
import java.io.IOException;
import java.util.List;

/** Applies a change's steps in order; stops at the first step that fails. */
final class StepApplier {
  /** The last command's result, and the failure message if a step failed (else null). */
  record Applied(ExecResult last, String failure) {}

  private final TaskEnv env;
  private final HostExec exec;

  StepApplier(TaskEnv env, HostExec exec) {
    this.env = env;
    this.exec = exec;
  }

  Applied apply(List<Step> steps) {
    ExecResult last = null;
    for (StepBatch batch : StepBatch.group(steps)) {
      List<Step> group = batch.steps();
      if (group.size() > 1) {
        StepBatch.Result r = batch.read(exec.run(batch.script(), batch.stdinBytes()));
        last = r.lastRun() != null ? r.lastRun() : last;
        if (r.failedStep() >= 0) {
          return failure(group.get(r.failedStep()), r.failedOutput(), last);
        }
        continue;
      }
      Step step = group.get(0);
      if (step instanceof Step.Reconnect rc) {
        String failure = reconnect(rc);
        if (failure != null) {
          return new Applied(last, failure);
        }
        continue;
      }
      ExecResult r = exec.run(StepBatch.body(step), StepBatch.stdin(step));
      if (step instanceof Step.Run) {
        last = r;
      }
      if (!r.ok() && !(step instanceof Step.Run run && run.allowFailure())) {
        return failure(step, r, last);
      }
    }
    return new Applied(last, null);
  }

  private static Applied failure(Step step, ExecResult output, ExecResult last) {
    if (step instanceof Step.Upload u) {
      return new Applied(last, "could not write " + u.path() + ": " + output.message());
    }
    return new Applied(output, "non-zero return code");
  }

  /** Opens a fresh connection within the timeout and runs the confirm command there. */
  private String reconnect(Step.Reconnect rc) {
    long deadline = System.nanoTime() + rc.timeoutSeconds() * 1_000_000_000L;
    String lastError = "no attempt";
    while (System.nanoTime() < deadline) {
      try (Connection c = env.factory().open(env.spec(), env.local())) {
        ExecResult r = HostExec.runOn(env, c, rc.confirmCommand(), null);
        if (r.ok()) {
          return null;
        }
        return "the change could not be confirmed: " + r.message(); // the host answered: retrying won't help
      } catch (UnreachableException | IOException e) {
        lastError = e.getMessage();
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return "host unreachable after change (" + lastError + "); the host rolls the change back by itself";
  }
}
