package dev.hawser.engine.report;

import dev.hawser.engine.spi.Diff;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One task's outcome on one host (or one loop item of it, when {@code item} is not null).
 * {@code plannedSteps} are the steps' descriptions (shown with -v, and in --check). {@code result} is
 * the full registered value (already masked when the task has no_log). {@code noLog} hides msg,
 * output and diffs from every reporter.
 */
public record HostResult(
    String host,
    String task,
    Status status,
    String msg,
    Integer rc,
    String stdout,
    String stderr,
    Duration duration,
    List<Diff> diffs,
    List<String> plannedSteps,
    Map<String, Object> result,
    String item,
    boolean noLog) {

  /** Changed as Ansible reports it: also a failed or ignored task whose result says changed. */
  public boolean changed() {
    return status == Status.CHANGED || result != null && Boolean.TRUE.equals(result.get("changed"));
  }
}
