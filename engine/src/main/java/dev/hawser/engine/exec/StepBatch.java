package dev.hawser.engine.exec;

import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consecutive Run and Upload steps sent as ONE shell script, so applying a change costs one round
 * trip. Each step runs in its own subshell (an {@code exit} inside it ends only that step); steps
 * without stdin read /dev/null, so at most one step of a batch consumes the stdin stream. Markers
 * (ASCII RS-delimited) separate each step's output and name the step that failed.
 */
final class StepBatch {
  private static final char RS = '\u001e';
  private static final Pattern STEP = Pattern.compile(RS + "hawser-step-\\d+" + RS);
  private static final Pattern FAILED = Pattern.compile(RS + "hawser-failed-(\\d+)-(\\d+)" + RS);

  private final List<Step> steps;

  private StepBatch(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  List<Step> steps() {
    return steps;
  }

  /** Splits steps into batches: a Reconnect stands alone, and a batch has at most one stdin reader. */
  static List<StepBatch> group(List<Step> steps) {
    List<StepBatch> out = new ArrayList<>();
    List<Step> current = new ArrayList<>();
    boolean stdinTaken = false;
    for (Step s : steps) {
      boolean reads = stdin(s) != null;
      if (s instanceof Step.Reconnect || reads && stdinTaken) {
        flush(out, current);
        stdinTaken = false;
      }
      if (s instanceof Step.Reconnect) {
        out.add(new StepBatch(List.of(s)));
        continue;
      }
      current.add(s);
      stdinTaken |= reads;
    }
    flush(out, current);
    return out;
  }

  private static void flush(List<StepBatch> out, List<Step> current) {
    if (!current.isEmpty()) {
      out.add(new StepBatch(current));
      current.clear();
    }
  }

  static byte[] stdin(Step s) {
    return s instanceof Step.Run r ? r.stdin() : s instanceof Step.Upload u ? u.content() : null;
  }

  static String body(Step s) {
    return s instanceof Step.Run r ? r.command() : UploadScript.of((Step.Upload) s);
  }

  String script() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      if (i > 0) {
        sb.append("printf '\\036hawser-step-").append(i).append("\\036'; printf '\\036hawser-step-").append(i)
            .append("\\036' >&2\n");
      }
      sb.append("(\n").append(body(s)).append("\n)").append(stdin(s) == null ? " </dev/null" : "").append("\n");
      boolean mayFail = s instanceof Step.Run r && r.allowFailure();
      if (!mayFail) {
        sb.append("rc=$?; if [ $rc -ne 0 ]; then printf '\\036hawser-failed-").append(i)
            .append("-%d\\036' $rc >&2; exit $rc; fi\n");
      }
    }
    return sb.toString();
  }

  byte[] stdinBytes() {
    return steps.stream().map(StepBatch::stdin).filter(b -> b != null).findFirst().orElse(null);
  }

  /** The batch's outcome: the failing step (or -1) with its own output, and the last Run's output. */
  record Result(int failedStep, ExecResult failedOutput, ExecResult lastRun) {}

  Result read(ExecResult r) {
    Matcher failed = FAILED.matcher(r.stderr());
    String stderr = FAILED.matcher(r.stderr()).replaceAll("");
    List<String> outs = List.of(STEP.split(r.stdout(), -1));
    List<String> errs = List.of(STEP.split(stderr, -1));
    int failedStep = failed.find() ? Integer.parseInt(failed.group(1)) : r.ok() ? -1 : Math.max(0, outs.size() - 1);
    ExecResult lastRun = null;
    int end = failedStep >= 0 ? failedStep : steps.size() - 1;
    for (int i = 0; i <= end && i < outs.size(); i++) {
      if (steps.get(i) instanceof Step.Run) {
        lastRun = new ExecResult(i == failedStep ? r.rc() : 0, outs.get(i), i < errs.size() ? errs.get(i) : "");
      }
    }
    ExecResult failedOutput = failedStep < 0 ? null
        : new ExecResult(r.rc(), at(outs, failedStep), at(errs, failedStep));
    return new Result(failedStep, failedOutput, lastRun);
  }

  private static String at(List<String> parts, int i) {
    return i < parts.size() ? parts.get(i) : "";
  }
}
