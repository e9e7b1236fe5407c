package dev.hawser.engine.exec;

import dev.hawser.engine.exec.Expressions.ExpressionException;
import dev.hawser.engine.playbook.Task;
import dev.hawser.engine.playbook.WithItems;
import dev.hawser.engine.report.HostResult;
import dev.hawser.engine.report.Status;
import dev.hawser.engine.spi.Diff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one task on one host: loops, register, set_fact, notify, and the result to report. */
final class TaskRunner {
  private final RunContext ctx;
  private final TaskEnvs envs;

  TaskRunner(RunContext ctx, TaskEnvs envs) {
    this.ctx = ctx;
    this.envs = envs;
  }

  HostResult run(Task task, HostSession s, Map<String, Object> vars) {
    return run(task, s, vars, List.of(s));
  }

  /** {@code targets}: the hosts the register and facts go to (more than {@code s} for run_once). */
  HostResult run(Task task, HostSession s, Map<String, Object> vars, List<HostSession> targets) {
    long start = System.nanoTime();
    Outcome o;
    String unreachable = null;
    try {
      o = task.loop() == null ? call(task, s, vars, targets) : loop(task, s, vars, start, targets);
    } catch (UnreachableDuringTask e) {
      unreachable = e.getMessage();
      o = new Outcome(Status.UNREACHABLE, e.getMessage(), Map.of("unreachable", true, "changed", false), List.of(), List.of());
    }
    Map<String, Object> result = new LinkedHashMap<>(o.result());
    result.putIfAbsent("changed", o.status() == Status.CHANGED);
    if (unreachable == null) {
      result.put("failed", o.isFailed());
    }
    if (!o.msg().isEmpty()) {
      result.put("msg", o.msg());
    }
    if (task.register() != null && unreachable == null) {
      targets.forEach(t -> t.setFact(task.register(), result));
    }
    Status status = o.status();
    if (status == Status.FAILED && task.ignoreErrors()) {
      status = Status.IGNORED;
    }
    if (status == Status.CHANGED || (status == Status.IGNORED && Boolean.TRUE.equals(result.get("changed")))) {
      task.notifies().forEach(s::notify);
    }
    return toHostResult(task, s, status, o.msg(), result, o.diffs(), o.planned(), null, start);
  }

  private Outcome call(Task task, HostSession s, Map<String, Object> vars, List<HostSession> targets) {
    Outcome o = new ModuleCall(ctx, task, s, envs).run(vars);
    if (o.result().get("warnings") instanceof List<?> warnings && !task.noLog()) {
      warnings.forEach(w -> ctx.listener().warning(ctx.masker().mask(String.valueOf(w))));
    }
    Object facts = o.result().get("ansible_facts");
    if (facts instanceof Map<?, ?> m && !o.isFailed()) {
      m.forEach((k, v) -> targets.forEach(t -> t.setFact(String.valueOf(k), v)));
    }
    return o;
  }

  private Outcome loop(Task task, HostSession s, Map<String, Object> vars, long start, List<HostSession> targets) {
    List<?> items;
    try {
      items = items(task, vars);
    } catch (ExpressionException | IllegalArgumentException e) {
      return Outcome.failed(task.position() + ": task '" + task.displayName() + "': " + e.getMessage(), Map.of());
    }
    List<Object> results = new ArrayList<>();
    List<Diff> diffs = new ArrayList<>();
    List<String> planned = new ArrayList<>();
    boolean changed = false;
    boolean failed = false;
    boolean allSkipped = !items.isEmpty();
    for (Object item : items) {
      Map<String, Object> itemVars = new LinkedHashMap<>(vars);
      itemVars.put(task.loopVar(), item);
      Outcome o = call(task, s, itemVars, targets);
      Map<String, Object> r = new LinkedHashMap<>(o.result());
      r.put(task.loopVar(), item);
      r.put("ansible_loop_var", task.loopVar());
      r.put("failed", o.isFailed());
      if (!o.msg().isEmpty()) {
        r.put("msg", o.msg());
      }
      results.add(r);
      changed |= o.status() == Status.CHANGED;
      failed |= o.isFailed();
      allSkipped &= o.status() == Status.SKIPPED;
      diffs.addAll(o.diffs());
      planned.addAll(o.planned());
      ctx.listener().itemResult(toHostResult(task, s, o.status(), o.msg(), r, o.diffs(), o.planned(),
          label(task, itemVars, item), start));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("changed", changed);
    result.put("results", results);
    Status status = failed ? Status.FAILED : changed ? Status.CHANGED : allSkipped ? Status.SKIPPED : Status.OK;
    String msg = failed ? "One or more items failed" : "All items completed";
    if (allSkipped) {
      result.put("skipped", true);
    }
    result.put("msg", msg);
    return new Outcome(status, failed ? msg : "", result, diffs, planned);
  }

  private List<?> items(Task task, Map<String, Object> vars) throws ExpressionException {
    boolean flatten = task.loop() instanceof WithItems;
    Object raw = flatten ? ((WithItems) task.loop()).items() : task.loop();
    Object v = ctx.expressions().render(raw, vars);
    if (v instanceof String str && !flatten) {
      throw new IllegalArgumentException("loop needs a list, got '" + str + "'");
    }
    List<?> list = v instanceof List<?> l ? l : List.of(v);
    if (!flatten) {
      return list;
    }
    List<Object> flat = new ArrayList<>();
    for (Object o : list) {
      if (o instanceof List<?> inner) {
        flat.addAll(inner);
      } else {
        flat.add(o);
      }
    }
    return flat;
  }

  private String label(Task task, Map<String, Object> vars, Object item) {
    if (task.loopLabel() != null) {
      try {
        return String.valueOf(ctx.expressions().render(task.loopLabel(), vars));
      } catch (ExpressionException e) {
        return String.valueOf(task.loopLabel());
      }
    }
    return PythonRepr.of(item);
  }

  private HostResult toHostResult(Task task, HostSession s, Status status, String msg, Map<String, Object> result,
      List<Diff> diffs, List<String> planned, String item, long start) {
    Masker m = ctx.masker();
    @SuppressWarnings("unchecked")
    Map<String, Object> shown = (Map<String, Object>) m.maskValue(result);
    Integer rc = result.get("rc") instanceof Integer i ? i : null;
    List<Diff> maskedDiffs = diffs.stream().map(d -> new Diff(d.label(), m.mask(d.before()), m.mask(d.after()))).toList();
    return new HostResult(s.name(), task.displayName(), status, m.mask(msg), rc, m.mask((String) result.get("stdout")),
        m.mask((String) result.get("stderr")), Duration.ofNanos(System.nanoTime() - start), maskedDiffs,
        m.mask(planned), shown, item, task.noLog());
  }
}
