package dev.hawser.engine.exec;

import dev.hawser.engine.exec.Expressions.ExpressionException;
import dev.hawser.engine.playbook.Task;
import dev.hawser.engine.report.Status;
import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec.ParamException;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Step;
import dev.hawser.engine.spi.TaskModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One module call on one host: when → render arguments → validate → plan → apply (unless check
 * mode) → changed_when / failed_when. Never throws for task-level problems: they become a failed
 * {@link Outcome} whose message names file:line and the task.
 */
final class ModuleCall {
  private final RunContext ctx;
  private final Task task;
  private final HostSession session;
  private final TaskEnvs envs;

  ModuleCall(RunContext ctx, Task task, HostSession session, TaskEnvs envs) {
    this.ctx = ctx;
    this.task = task;
    this.session = session;
    this.envs = envs;
  }

  Outcome run(Map<String, Object> vars) {
    Expressions ex = ctx.expressions();
    try {
      if (task.when() != null && !ex.test(task.when(), vars)) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("skipped", true);
        r.put("skip_reason", "Conditional result was False");
        r.put("false_condition", task.when());
        return new Outcome(Status.SKIPPED, "", r, List.of(), List.of());
      }
      TaskModule module = ctx.modules().find(task.module()).orElseThrow();
      @SuppressWarnings("unchecked")
      Map<String, Object> args = (Map<String, Object>) ex.render(task.args(), vars); // omit: entry dropped
      Params params = module.spec().validate(args, false);
      for (Param p : module.spec().params()) {
        if (p.isSecret()) {
          ctx.masker().add(params.raw(p.name()));
        }
      }
      TaskEnv env = envs.envFor(task, session, vars);
      HostExec exec = new HostExec(env);
      Change change = module.plan(params, new HostRemote(session.name(), exec, vars, ctx.playbookDir(),
          task.roleDir(), ex));
      Outcome o = apply(module, change, env, exec);
      if (env.session() != session) {
        o.result().put("_hawser_delegated_to", env.session().name());
      }
      return judge(o, vars);
    } catch (ExpressionException e) {
      return Outcome.failed(where() + e.getMessage(), Map.of());
    } catch (ParamException e) {
      return Outcome.failed(where() + task.module() + ": parameter '" + e.param() + "': " + e.getMessage(), Map.of());
    } catch (ModuleException e) {
      return Outcome.failed(e.getMessage(), e.data());
    } catch (IllegalArgumentException e) {
      return Outcome.failed(where() + e.getMessage(), Map.of());
    }
  }

  private String where() {
    return task.position() + ": task '" + task.displayName() + "': ";
  }

  private Outcome apply(TaskModule module, Change change, TaskEnv env, HostExec exec) {
    Map<String, Object> r = new LinkedHashMap<>(change.data());
    if (change instanceof Change.None none) {
      r.put("changed", false);
      if (r.get("_hawser_verbosity") instanceof Number n && n.intValue() > ctx.options().verbosity()) {
        r.put("skipped", true);
        r.put("skipped_reason", "Verbosity threshold not met.");
        return new Outcome(Status.SKIPPED, "", r, List.of(), List.of());
      }
      return new Outcome(Status.OK, none.msg(), r, List.of(), List.of());
    }
    Change.Pending p = (Change.Pending) change;
    List<String> planned = p.steps().stream().map(Step::describe).toList();
    r.put("changed", true);
    boolean check = task.checkMode() != null ? task.checkMode() : ctx.options().check();
    if (check && !module.supportsCheckMode()) {
      r.put("changed", false);
      r.put("skipped", true);
      return new Outcome(Status.SKIPPED, "Command would have run if not in check mode", r, List.of(), planned);
    }
    if (check) {
      return new Outcome(Status.CHANGED, p.msg(), r, p.diffs(), planned);
    }
    StepApplier.Applied a = new StepApplier(env, exec).apply(p.steps());
    if (a.last() != null) {
      ExecResult last = a.last();
      r.put("rc", last.rc());
      r.put("stdout", last.stdout().stripTrailing());
      r.put("stderr", last.stderr().stripTrailing());
      r.put("stdout_lines", last.stdout().lines().toList());
      r.put("stderr_lines", last.stderr().lines().toList());
    }
    if (a.failure() != null) {
      return new Outcome(Status.FAILED, a.failure(), r, p.diffs(), planned);
    }
    return new Outcome(Status.CHANGED, p.msg(), r, p.diffs(), planned);
  }

  /** Applies changed_when / failed_when, with the result visible under the register name. */
  private Outcome judge(Outcome o, Map<String, Object> vars) throws ExpressionException {
    if (task.changedWhen() == null && task.failedWhen() == null) {
      return o;
    }
    Map<String, Object> scope = new LinkedHashMap<>(vars);
    Map<String, Object> r = new LinkedHashMap<>(o.result());
    r.put("failed", o.isFailed());
    if (task.register() != null) {
      scope.put(task.register(), r);
    }
    scope.putAll(r);
    Status s = o.status();
    if (task.changedWhen() != null && s != Status.FAILED) {
      s = ctx.expressions().test(task.changedWhen(), scope) ? Status.CHANGED : Status.OK;
    }
    if (task.failedWhen() != null) {
      boolean failed = ctx.expressions().test(task.failedWhen(), scope);
      r.put("failed_when_result", failed);
      if (failed) {
        return new Outcome(Status.FAILED, o.msg().isEmpty() ? "failed_when condition is true" : o.msg(), r, o.diffs(), o.planned());
      }
      if (s == Status.FAILED) {
        s = Boolean.TRUE.equals(r.get("changed")) ? Status.CHANGED : Status.OK;
      }
    }
    r.put("changed", s == Status.CHANGED);
    String msg = o.isFailed() && s != Status.FAILED ? "" : o.msg();
    return new Outcome(s, msg, r, o.diffs(), o.planned());
  }
}
