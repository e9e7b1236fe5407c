package dev.hawser.engine.report;

import java.util.List;
import java.util.Map;

/** Sends every event to each listener in turn. */
public final class Listeners implements RunListener {
  private final List<RunListener> all;

  public Listeners(List<RunListener> all) {
    this.all = List.copyOf(all);
  }

  @Override
  public void playbookStart(String path, boolean checkMode) {
    all.forEach(l -> l.playbookStart(path, checkMode));
  }

  @Override
  public void playStart(String name) {
    all.forEach(l -> l.playStart(name));
  }

  @Override
  public void taskStart(String name, boolean handler) {
    all.forEach(l -> l.taskStart(name, handler));
  }

  @Override
  public void itemResult(HostResult r) {
    all.forEach(l -> l.itemResult(r));
  }

  @Override
  public void hostResult(HostResult r) {
    all.forEach(l -> l.hostResult(r));
  }

  @Override
  public void warning(String msg) {
    all.forEach(l -> l.warning(msg));
  }

  @Override
  public void verbose(int level, String msg) {
    all.forEach(l -> l.verbose(level, msg));
  }

  @Override
  public void playbookEnd(Map<String, HostStats> recap, boolean interrupted) {
    all.forEach(l -> l.playbookEnd(recap, interrupted));
  }
}
