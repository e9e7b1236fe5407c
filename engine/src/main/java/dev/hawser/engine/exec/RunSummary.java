package dev.hawser.engine.exec;

import dev.hawser.engine.report.HostStats;
import java.util.Map;

/** How a run ended: the recap and what went wrong, if anything. */
public record RunSummary(Map<String, HostStats> recap, boolean interrupted) {
  public boolean anyFailed() {
    return recap.values().stream().anyMatch(s -> s.failed() > 0);
  }

  public boolean anyUnreachable() {
    return recap.values().stream().anyMatch(s -> s.unreachable() > 0);
  }
}
