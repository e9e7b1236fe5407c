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
    for (Step step : steps) {
      if (step instanceof Step.Run r) {
        last = exec.run(r.command(), r.stdin());
        if (!last.ok() && !r.allowFailure()) {
          return new Applied(last, "non-zero return code");
        }
      } else if (step instanceof Step.Upload u) {
        ExecResult w = exec.run(UploadScript.of(u), u.content());
        if (!w.ok()) {
          return new Applied(last, "could not write " + u.path() + ": " + w.message());
        }
      } else if (step instanceof Step.Reconnect rc) {
        String failure = reconnect(rc);
        if (failure != null) {
          return new Applied(last, failure);
        }
      }
    }
    return new Applied(last, null);
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
        lastError = r.message();
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
