package dev.hawser.engine.exec;

import dev.hawser.engine.report.Status;
import dev.hawser.engine.spi.Diff;
import java.util.List;
import java.util.Map;

/** One module call's result on one host (one loop item, or the whole task without a loop). */
record Outcome(Status status, String msg, Map<String, Object> result, List<Diff> diffs, List<String> planned) {
  static Outcome failed(String msg, Map<String, Object> result) {
    return new Outcome(Status.FAILED, msg, result, List.of(), List.of());
  }

  boolean isFailed() {
    return status == Status.FAILED;
  }
}
