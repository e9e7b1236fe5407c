package dev.hawser.engine.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the file reports collect: every play, its tasks, and each host's result (and items). */
final class RunLog {
  record Task(String name, boolean handler, Map<String, HostResult> hosts,
      Map<String, List<HostResult>> items) {

    /** The host's task result; when only items arrived, one summing them up. */
    HostResult result(String host) {
      HostResult r = hosts.get(host);
      return r != null ? r : summary(items.getOrDefault(host, List.of()));
    }
  }

  record Play(String name, List<Task> tasks) {}

  private String playbook = "";
  private boolean checkMode;
  private final List<Play> plays = new ArrayList<>();

  synchronized void start(String path, boolean check) {
    playbook = path == null ? "" : path;
    checkMode = check;
  }

  synchronized void play(String name) {
    plays.add(new Play(name == null ? "" : name.strip(), new ArrayList<>()));
  }

  synchronized void task(String name, boolean handler) {
    currentPlay().tasks().add(new Task(name == null ? "" : name.strip(), handler,
        new LinkedHashMap<>(), new LinkedHashMap<>()));
  }

  synchronized void item(HostResult r) {
    Task t = currentTask(r.task());
    t.items().computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r);
    t.hosts().putIfAbsent(r.host(), null);
  }

  synchronized void host(HostResult r) {
    currentTask(r.task()).hosts().put(r.host(), r);
  }

  synchronized String playbook() {
    return playbook;
  }

  synchronized boolean checkMode() {
    return checkMode;
  }

  /** A snapshot, safe to read while late results still arrive. */
  synchronized List<Play> plays() {
    List<Play> copy = new ArrayList<>();
    for (Play p : plays) {
      List<Task> tasks = new ArrayList<>();
      for (Task t : p.tasks()) {
        Map<String, List<HostResult>> items = new LinkedHashMap<>();
        t.items().forEach((h, l) -> items.put(h, List.copyOf(l)));
        tasks.add(new Task(t.name(), t.handler(), new LinkedHashMap<>(t.hosts()), items));
      }
      copy.add(new Play(p.name(), tasks));
    }
    return copy;
  }

  private static HostResult summary(List<HostResult> items) {
    HostResult last = items.get(items.size() - 1);
    Status status = Status.SKIPPED;
    long ms = 0;
    for (HostResult i : items) {
      ms += i.duration() == null ? 0 : i.duration().toMillis();
      status = worse(status, i.status());
    }
    return new HostResult(last.host(), last.task(), status, null, null, null, null,
        Duration.ofMillis(ms), List.of(), List.of(), Map.of(), null, last.noLog());
  }

  private static Status worse(Status a, Status b) {
    List<Status> order = List.of(Status.SKIPPED, Status.OK, Status.CHANGED, Status.RESCUED,
        Status.IGNORED, Status.FAILED, Status.UNREACHABLE);
    return order.indexOf(b) > order.indexOf(a) ? b : a;
  }

  private Play currentPlay() {
    if (plays.isEmpty()) {
      play("");
    }
    return plays.get(plays.size() - 1);
  }

  /** The open task; results without a taskStart get one of their own. */
  private Task currentTask(String taskName) {
    Play p = currentPlay();
    if (p.tasks().isEmpty()) {
      task(taskName, false);
    }
    return p.tasks().get(p.tasks().size() - 1);
  }
}
