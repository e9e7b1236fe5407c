package dev.hawser.engine.exec;

import dev.hawser.engine.playbook.Play;
import dev.hawser.engine.playbook.RoleScope;
import dev.hawser.engine.playbook.Task;
import dev.hawser.engine.report.HostResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** One play in progress: builds each host's variables per task and runs tasks on the worker pool. */
final class PlayRun {
  private final RunContext ctx;
  private final Play play;
  private final PlayVars pv;
  private final HostSource inventory;
  private final List<HostSession> hosts;
  private final List<HostSession> allHosts;
  private final ExecutorService pool;
  private final TaskRunner runner;
  private final Map<String, Map<String, Object>> inventoryVars = new HashMap<>();

  /**
   * {@code batch}: the hosts this run covers (a serial batch, else all); {@code allHosts}: all the
   * play's hosts; {@code delegates}: the run's connections to delegate_to hosts, by name.
   */
  PlayRun(RunContext ctx, Play play, PlayVars pv, HostSource inventory, List<HostSession> batch,
      List<HostSession> allHosts, Map<String, HostSession> delegates, ExecutorService pool) {
    this.ctx = ctx;
    this.play = play;
    this.pv = pv;
    this.inventory = inventory;
    this.hosts = batch;
    this.allHosts = allHosts;
    this.pool = pool;
    this.runner = new TaskRunner(ctx, new TaskEnvs(ctx, play, inventory, delegates));
    for (HostSession s : allHosts) {
      inventoryVars.put(s.name(), inventory.varsFor(s.name()));
    }
  }

  Future<HostResult> submit(Task task, HostSession s) {
    return submit(task, s, List.of(s));
  }

  /** Runs {@code task} on {@code s}; its register and facts go to every host of {@code targets} (run_once). */
  Future<HostResult> submit(Task task, HostSession s, List<HostSession> targets) {
    Map<String, Object> vars = varsFor(task, s);
    return pool.submit(() -> {
      HostResult r = runner.run(task, s, vars, targets);
      ctx.listener().hostResult(r);
      return r;
    });
  }

  /** As Ansible shows it: a role's task as {@code ROLE : NAME}. */
  String renderTaskName(Task task) {
    String name = pv.renderName(task.displayName());
    return task.role() == null ? name : task.role().name() + " : " + name;
  }

  /**
   * Ansible's precedence: role defaults < inventory < play vars < vars_files < role vars and params <
   * task vars < register/set_fact < extra vars. Every role's defaults and vars are visible to the whole
   * play (Ansible's default); the task's own role's come on top of the others'.
   */
  Map<String, Object> varsFor(Task task, HostSession s) {
    RoleScope own = task.role();
    Map<String, Object> v = new LinkedHashMap<>();
    play.roles().forEach(r -> v.putAll(r.defaults()));
    if (own != null) {
      v.putAll(own.defaults());
    }
    v.putAll(inventoryVars.get(s.name()));
    v.put("inventory_hostname", s.name());
    v.put("playbook_dir", ctx.playbookDir().toString());
    v.put("ansible_check_mode", ctx.options().check());
    v.put("ansible_diff_mode", ctx.options().diff());
    v.put("ansible_verbosity", ctx.options().verbosity());
    v.put("ansible_play_hosts", allHosts.stream().filter(HostSession::active).map(HostSession::name).toList());
    v.put("ansible_play_batch", hosts.stream().filter(HostSession::active).map(HostSession::name).toList());
    v.put("ansible_play_hosts_all", allHosts.stream().map(HostSession::name).toList());
    v.put("hostvars", hostvars());
    v.putAll(pv.vars());
    v.putAll(pv.varsFiles());
    play.roles().forEach(r -> v.putAll(r.vars()));
    if (own != null) {
      v.putAll(own.vars());
      v.putAll(own.params());
      v.put("role_name", own.name());
      v.put("role_path", own.dir().toString());
    }
    v.putAll(task.vars());
    v.putAll(s.facts());
    v.putAll(pv.extra());
    return v;
  }

  private Map<String, Object> hostvars() {
    Map<String, Object> all = new LinkedHashMap<>();
    for (HostSession h : allHosts) {
      Map<String, Object> m = new LinkedHashMap<>(inventoryVars.get(h.name()));
      m.put("inventory_hostname", h.name());
      m.putAll(h.facts());
      all.put(h.name(), m);
    }
    return all;
  }
}
