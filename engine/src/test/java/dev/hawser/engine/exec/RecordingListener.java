package dev.hawser.engine.exec;

import dev.hawser.engine.report.HostResult;
import dev.hawser.engine.report.RunListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Records what an executor test needs to assert on: task names, host results, and the event order. */
final class RecordingListener implements RunListener {
  /** Task names as started, handlers prefixed "handler ". */
  final List<String> tasks = Collections.synchronizedList(new ArrayList<>());
  final List<HostResult> results = Collections.synchronizedList(new ArrayList<>());
  /** "PLAY name", "TASK name", "HANDLER name" and "host:task" in the order they happened. */
  final List<String> events = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void playStart(String name) {
    events.add("PLAY " + name);
  }

  @Override
  public void taskStart(String name, boolean handler) {
    tasks.add((handler ? "handler " : "") + name);
    events.add((handler ? "HANDLER " : "TASK ") + name);
  }

  @Override
  public void hostResult(HostResult r) {
    results.add(r);
    events.add(r.host() + ":" + r.task());
  }

  Optional<HostResult> find(String host, String task) {
    synchronized (results) {
      return results.stream().filter(r -> r.host().equals(host) && r.task().equals(task)).findFirst();
    }
  }

  HostResult result(String host, String task) {
    return find(host, task).orElseThrow(() -> new AssertionError("no result for " + host + " / " + task));
  }
}
