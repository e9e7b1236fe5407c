package dev.hawser.engine.exec;

import dev.hawser.engine.exec.Expressions.ExpressionException;
import dev.hawser.engine.playbook.Play;
import dev.hawser.engine.playbook.Playbook;
import dev.hawser.engine.playbook.PlaybookException;
import dev.hawser.engine.playbook.Task;
import dev.hawser.engine.report.HostResult;
import dev.hawser.engine.report.HostStats;
import dev.hawser.engine.report.RunListener;
import dev.hawser.engine.report.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a playbook with the linear strategy: each task on all of the play's hosts in parallel (up to
 * --forks), the next task when all are done. A host that fails or is unreachable drops out; inside
 * a block, {@link BlockFlow} decides which hosts run each task and when a failure drops a host.
 */
public final class PlaybookRunner {
  private final RunOptions options;
  private final RunListener listener;
  private final ModuleRegistry modules;
  private final ConnectionFactory factory;
  private final Map<String, HostSession> sessions = new LinkedHashMap<>();
  private final Map<String, HostStats> recap = new LinkedHashMap<>();
  private volatile boolean interrupted;
  private boolean started;

  public PlaybookRunner(RunOptions options, RunListener listener, ModuleRegistry modules, ConnectionFactory factory) {
    this.options = options;
    this.listener = listener;
    this.modules = modules;
    this.factory = factory;
  }

  /** Ctrl-C: no new task starts; open connections are closed so running commands end. */
  public void interrupt() {
    interrupted = true;
    synchronized (sessions) {
      sessions.values().forEach(HostSession::close);
    }
  }

  public RunSummary run(Playbook playbook, HostSource inventory) throws PlaybookException {
    RunContext ctx = new RunContext(options, listener, new VarsExpressions(), modules, factory, new Masker(),
        playbook.dir(), java.util.concurrent.ConcurrentHashMap.newKeySet());
    started = options.startAtTask() == null;
    listener.playbookStart(playbook.file().toString(), options.check());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.forks()), r -> {
      Thread t = new Thread(r, "hawser-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      for (Play play : playbook.plays()) {
        if (interrupted) {
          break;
        }
        PlayVars pv = PlayVars.load(play, playbook.dir(), options.extraVars(), ctx.expressions());
        List<HostSession> hosts = hosts(play, inventory, pv, ctx);
        listener.playStart(pv.renderName(play.displayName()));
        if (hosts.isEmpty()) {
          listener.warning("Could not match supplied host pattern, ignoring: " + play.hosts());
          continue;
        }
        PlayRun run = new PlayRun(ctx, play, pv, inventory, hosts, pool);
        BlockFlow flow = new BlockFlow();
        if (play.gatherFacts() && modules.find("setup").isPresent()) {
          runTask(run, GatherFacts.task(play), hosts, false, flow);
        }
        for (List<Task> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
          Task prev = null;
          for (Task task : section) {
            if (interrupted || hosts.stream().noneMatch(HostSession::active)) {
              break;
            }
            flow.between(prev, task, hosts);
            prev = task;
            if (!started && task.displayName().equals(options.startAtTask())) {
              started = true;
            }
            if (started && new TagFilter(options.tags(), options.skipTags()).runs(tags(play, task))) {
              runTask(run, task, flow.eligible(task, hosts), false, flow);
            }
          }
          flow.between(prev, null, hosts);
          flushHandlers(run, play, hosts, flow);
        }
      }
    } finally {
      pool.shutdownNow();
      synchronized (sessions) {
        sessions.values().forEach(HostSession::close);
      }
    }
    listener.playbookEnd(recap, interrupted);
    return new RunSummary(recap, interrupted);
  }

  private static List<String> tags(Play play, Task task) {
    List<String> all = new ArrayList<>(play.tags());
    all.addAll(task.tags());
    return all;
  }

  private List<HostSession> hosts(Play play, HostSource inventory, PlayVars pv, RunContext ctx) throws PlaybookException {
    String pattern;
    try {
      pattern = String.valueOf(ctx.expressions().render(play.hosts(), pv.playScope()));
    } catch (ExpressionException e) {
      throw new PlaybookException(play.position(), "hosts: " + e.getMessage());
    }
    List<HostSession> out = new ArrayList<>();
    for (String name : inventory.select(pattern)) {
      HostSession s;
      synchronized (sessions) {
        s = sessions.computeIfAbsent(name, HostSession::new);
      }
      recap.putIfAbsent(name, HostStats.ZERO);
      if (s.active()) {
        out.add(s);
      }
    }
    return out;
  }

  private void flushHandlers(PlayRun run, Play play, List<HostSession> hosts, BlockFlow flow) {
    for (Task handler : play.handlers()) {
      List<HostSession> notified = new ArrayList<>();
      for (HostSession s : hosts) {
        boolean hit = s.takeNotified(handler.displayName());
        if (handler.role() != null) {
          hit |= s.takeNotified(handler.role().name() + " : " + handler.displayName());
        }
        for (String topic : handler.listen()) {
          hit |= s.takeNotified(topic);
        }
        if (hit && s.active()) {
          notified.add(s);
        }
      }
      if (!notified.isEmpty() && !interrupted) {
        runTask(run, handler, notified, true, flow);
      }
    }
  }

  private void runTask(PlayRun run, Task task, List<HostSession> hosts, boolean handler, BlockFlow flow) {
    if (hosts.stream().noneMatch(HostSession::active)) {
      return;
    }
    listener.taskStart(run.renderTaskName(task), handler);
    List<Future<HostResult>> futures = new ArrayList<>();
    for (HostSession s : hosts) {
      if (s.active()) {
        futures.add(run.submit(task, s));
      }
    }
    for (Future<HostResult> f : futures) {
      try {
        HostResult r = f.get();
        HostSession s = sessions.get(r.host());
        Status counted = r.status() == Status.FAILED ? flow.failed(task, s, r.result()) : r.status();
        if (r.status() == Status.UNREACHABLE) {
          s.markFailed();
        }
        synchronized (recap) {
          recap.merge(r.host(), HostStats.ZERO.plus(counted, Boolean.TRUE.equals(r.result().get("changed"))),
              PlaybookRunner::add);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        interrupted = true;
      } catch (ExecutionException e) {
        throw new IllegalStateException("internal error running task " + task.displayName(), e.getCause());
      }
    }
  }

  private static HostStats add(HostStats a, HostStats b) {
    return new HostStats(a.ok() + b.ok(), a.changed() + b.changed(), a.unreachable() + b.unreachable(),
        a.failed() + b.failed(), a.skipped() + b.skipped(), a.rescued() + b.rescued(), a.ignored() + b.ignored());
  }
}
