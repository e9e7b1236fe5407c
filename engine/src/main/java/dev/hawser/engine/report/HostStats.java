package dev.hawser.engine.report;

/** PLAY RECAP counters for one host. As in Ansible, a changed task counts in ok too. */
public record HostStats(int ok, int changed, int unreachable, int failed, int skipped, int rescued,
    int ignored) {

  public static final HostStats ZERO = new HostStats(0, 0, 0, 0, 0, 0, 0);

  /** The counters after one more task result (an ignored failure counts in ok, as in Ansible). */
  public HostStats plus(Status s) {
    return switch (s) {
      case OK -> new HostStats(ok + 1, changed, unreachable, failed, skipped, rescued, ignored);
      case CHANGED -> new HostStats(ok + 1, changed + 1, unreachable, failed, skipped, rescued, ignored);
      case UNREACHABLE -> new HostStats(ok, changed, unreachable + 1, failed, skipped, rescued, ignored);
      case FAILED -> new HostStats(ok, changed, unreachable, failed + 1, skipped, rescued, ignored);
      case SKIPPED -> new HostStats(ok, changed, unreachable, failed, skipped + 1, rescued, ignored);
      case RESCUED -> new HostStats(ok, changed, unreachable, failed, skipped, rescued + 1, ignored);
      case IGNORED -> new HostStats(ok + 1, changed, unreachable, failed, skipped, rescued, ignored + 1);
    };
  }

  /** As {@link #plus(Status)}, also counting a changed result whose status does not say so (ignored). */
  public HostStats plus(Status s, boolean changedResult) {
    HostStats next = plus(s);
    return s == Status.IGNORED && changedResult
        ? new HostStats(next.ok, next.changed + 1, next.unreachable, next.failed, next.skipped, next.rescued, next.ignored)
        : next;
  }
}
