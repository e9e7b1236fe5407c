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
 * With {@code serial} the whole play runs per batch of hosts ({@link Batches}); a batch where every
 * host failed, a failure under any_errors_fatal, or more failures than max_fail_percentage end the
 * run, as in ansible-playbook. run_once tasks run on the batch's first active host.
 */
public final class PlaybookRunner {
  private final RunOptions options;
  private final RunListener listener;
  private final ModuleRegistry modules;
  private final ConnectionFactory factory;
  private final Map<String, HostSession> sessions = new LinkedHashMap<>();
  private final Map<String, HostStats> recap = new LinkedHashMap<>();
  private final Map<String, HostSession> delegates = new java.util.concurrent.ConcurrentHashMap<>();
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
    delegates.values().forEach(HostSession::close);
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
        if (hosts.isEmpty()) {
          listener.playStart(pv.renderName(play.displayName()));
          listener.warning("Could not match supplied host pattern, ignoring: " + play.hosts());
          continue;
        }
        boolean stop = false;
        for (List<HostSession> batch : Batches.of(play.serial(), hosts)) {
          if (interrupted) {
            break;
          }
          listener.playStart(pv.renderName(play.displayName()));
          if (!runBatch(new PlayRun(ctx, play, pv, inventory, batch, hosts, delegates, pool), play, batch)) {
            stop = true;
            break;
          }
        }
        if (stop) {
          break; // as ansible-playbook: a failed batch, any_errors_fatal or max_fail_percentage ends the run
        }
      }
    } finally {
      pool.shutdownNow();
      synchronized (sessions) {
        sessions.values().forEach(HostSession::close);
      }
      delegates.values().forEach(HostSession::close);
    }
    listener.playbookEnd(recap, interrupted);
    return new RunSummary(recap, interrupted);
  }

  /**
   * The whole play (facts, sections, handler flushes) on one batch of hosts. Returns false when the
   * run must stop, as ansible-playbook does: every host of the batch failed, a host failed under
   * any_errors_fatal, or more than max_fail_percentage of the batch failed.
   */
  private boolean runBatch(PlayRun run, Play play, List<HostSession> batch) {
    BlockFlow flow = new BlockFlow();
    if (play.gatherFacts() && modules.find("setup").isPresent()) {
      if (runTask(run, GatherFacts.task(play), batch, false, flow) && aborts(play, batch)) {
        return false;
      }
    }
    for (List<Task> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
      Task prev = null;
      for (Task task : section) {
        if (interrupted || batch.stream().noneMatch(HostSession::active)) {
          break;
        }
        flow.between(prev, task, batch);
        prev = task;
        if (!started && task.displayName().equals(options.startAtTask())) {
          started = true;
        }
        if (started && new TagFilter(options.tags(), options.skipTags()).runs(tags(play, task))) {
          boolean failed = runTask(run, task, flow.eligible(task, batch), false, flow);
          if (failed && aborts(play, batch)) {
            return false;
          }
        }
      }
      flow.between(prev, null, batch);
      if (flushHandlers(run, play, batch, flow) && aborts(play, batch)) {
        return false;
      }
    }
    return batch.stream().anyMatch(HostSession::active);
  }

  /** After a task some host failed: whether any_errors_fatal or max_fail_percentage ends the play. */
  private static boolean aborts(Play play, List<HostSession> batch) {
    if (play.anyErrorsFatal()) {
      return true;
    }
    if (play.maxFailPercentage() != null) {
      long failed = batch.stream().filter(s -> s.failed() && !s.unreachable()).count();
      return failed * 100.0 / batch.size() > play.maxFailPercentage();
    }
    return false;
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
      if (s.active()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Runs the notified handlers; true when a handler failed on some host. */
  private boolean flushHandlers(PlayRun run, Play play, List<HostSession> hosts, BlockFlow flow) {
    boolean failed = false;
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
        failed |= runTask(run, handler, notified, true, flow);
        if (failed && play.anyErrorsFatal()) {
          break;
        }
      }
    }
    return failed;
  }

  /**
   * Runs {@code task} on the active hosts of {@code hosts} (run_once: on the first only, its result
   * applied to all, and its failure failing all). Returns whether it failed or was unreachable on
   * some host (not counting ignored or rescued failures).
   */
  private boolean runTask(PlayRun run, Task task, List<HostSession> hosts, boolean handler, BlockFlow flow) {
    List<HostSession> active = hosts.stream().filter(HostSession::active).toList();
    if (active.isEmpty()) {
      return false;
    }
    listener.taskStart(run.renderTaskName(task), handler);
    List<Future<HostResult>> futures = new ArrayList<>();
    if (task.runOnce()) {
      futures.add(run.submit(task, active.get(0), active));
    } else {
      for (HostSession s : active) {
        futures.add(run.submit(task, s));
      }
    }
    boolean anyFailed = false;
    for (Future<HostResult> f : futures) {
      try {
        HostResult r = f.get();
        HostSession s = sessions.get(r.host());
        Status counted = r.status() == Status.FAILED ? flow.failed(task, s, r.result()) : r.status();
        if (r.status() == Status.UNREACHABLE) {
          s.markFailed();
        }
        if (r.status() == Status.FAILED && task.runOnce()) {
          for (HostSession other : active.subList(1, active.size())) {
            flow.failed(task, other, r.result()); // as Ansible: all fail, the recap counts the one that ran
          }
        }
        anyFailed |= counted == Status.FAILED || counted == Status.UNREACHABLE;
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
    return anyFailed;
  }

  private static HostStats add(HostStats a, HostStats b) {
    return new HostStats(a.ok() + b.ok(), a.changed() + b.changed(), a.unreachable() + b.unreachable(),
        a.failed() + b.failed(), a.skipped() + b.skipped(), a.rescued() + b.rescued(), a.ignored() + b.ignored());
  }
}
