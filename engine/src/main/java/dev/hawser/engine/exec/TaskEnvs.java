package dev.hawser.engine.exec;

import dev.hawser.engine.connect.ConnectionSpec;
import dev.hawser.engine.exec.Expressions.ExpressionException;
import dev.hawser.engine.playbook.Play;
import dev.hawser.engine.playbook.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves how a task reaches its host from Ansible's connection variables (ansible_host,
 * ansible_port, ansible_user, ansible_ssh_private_key_file, ansible_password, ansible_connection,
 * ansible_become*), the play and the command line, in Ansible's order of precedence.
 */
final class TaskEnvs {
  private static final java.util.List<String> IGNORED = java.util.List.of("ansible_ssh_common_args",
      "ansible_ssh_extra_args", "ansible_ssh_args");
  /** The variables that say how to reach a host: a delegated task takes them from the delegate. */
  private static final List<String> CONNECTION_VARS = List.of("ansible_host", "ansible_ssh_host", "ansible_port",
      "ansible_ssh_port", "ansible_user", "ansible_ssh_user", "ansible_ssh_private_key_file",
      "ansible_private_key_file", "ansible_password", "ansible_ssh_pass", "ansible_ssh_private_key_passphrase",
      "ansible_connection");
  private static final java.util.Set<String> LOCALHOST = java.util.Set.of("localhost", "127.0.0.1", "::1");
  private final RunContext ctx;
  private final Play play;
  private final HostSource inventory;
  private final Map<String, HostSession> delegates;

  /** {@code delegates}: the run's sessions to delegate_to hosts (shared, so each connects once). */
  TaskEnvs(RunContext ctx, Play play, HostSource inventory, Map<String, HostSession> delegates) {
    this.ctx = ctx;
    this.play = play;
    this.inventory = inventory;
    this.delegates = delegates;
  }

  TaskEnv envFor(Task task, HostSession s, Map<String, Object> vars) throws ExpressionException {
    if (task.delegateTo() != null) {
      String target = String.valueOf(ctx.expressions().render(task.delegateTo(), vars)).strip();
      if (target.isEmpty()) {
        throw new IllegalArgumentException("delegate_to rendered to an empty host name");
      }
      if (!target.equals(s.name())) {
        Map<String, Object> known = inventory == null ? null : inventory.varsIfKnown(target);
        Map<String, Object> v = new LinkedHashMap<>(vars);
        CONNECTION_VARS.forEach(v::remove);
        if (known != null) {
          CONNECTION_VARS.stream().filter(known::containsKey).forEach(k -> v.put(k, known.get(k)));
        } else if (LOCALHOST.contains(target)) {
          v.put("ansible_connection", "local"); // Ansible's implicit localhost
        }
        HostSession delegate = delegates.computeIfAbsent(target, HostSession::new);
        return envOn(task, delegate, v);
      }
    }
    return envOn(task, s, vars);
  }

  /** How {@code task} reaches {@code s} (its own host, or the delegate) given connection {@code vars}. */
  private TaskEnv envOn(Task task, HostSession s, Map<String, Object> vars) throws ExpressionException {
    RunOptions o = ctx.options();
    for (String ignored : IGNORED) {
      if (vars.containsKey(ignored)) {
        ctx.warnOnce(ignored + " is ignored: Hawser's SSH client takes its options from ~/.ssh/config");
      }
    }
    String connection = first(str(vars, "ansible_connection"), play.connection(), "ssh");
    if (!connection.equals("local") && !connection.equals("ssh") && !connection.equals("smart")) {
      throw new IllegalArgumentException("connection '" + connection + "' is not supported (ssh or local)");
    }
    boolean local = connection.equals("local");
    String user = first(str(vars, "ansible_user"), str(vars, "ansible_ssh_user"), play.remoteUser(), o.remoteUser());
    List<Path> keys = new ArrayList<>();
    String key = first(str(vars, "ansible_ssh_private_key_file"), str(vars, "ansible_private_key_file"), o.privateKey() == null ? null : o.privateKey().toString());
    if (key != null) {
      keys.add(Path.of(key.startsWith("~/") ? System.getProperty("user.home") + key.substring(1) : key));
    }
    String password = first(str(vars, "ansible_password"), str(vars, "ansible_ssh_pass"));
    ctx.masker().add(password);
    String portVar = first(str(vars, "ansible_port"), str(vars, "ansible_ssh_port"));
    Integer port = portVar == null ? null : Integer.valueOf(portVar);
    ConnectionSpec spec = new ConnectionSpec(s.name(), first(str(vars, "ansible_host"), str(vars, "ansible_ssh_host"), s.name()), port, user,
        keys, password, str(vars, "ansible_ssh_private_key_passphrase"), o.knownHosts(), o.hostKeyChecking(),
        null, o.connectTimeout());
    Boolean become = task.become() != null ? task.become() : play.become() != null ? play.become()
        : o.become() != null ? o.become() : bool(str(vars, "ansible_become"));
    String becomeUser = first(task.becomeUser(), play.becomeUser(), str(vars, "ansible_become_user"), "root");
    String becomePass = first(o.becomePassword(), str(vars, "ansible_become_password"), str(vars, "ansible_become_pass"));
    ctx.masker().add(becomePass);
    String method = first(str(vars, "ansible_become_method"), "sudo");
    Map<String, Object> env = new LinkedHashMap<>(play.environment());
    env.putAll(task.environment());
    @SuppressWarnings("unchecked")
    Map<String, Object> renderedEnv = (Map<String, Object>) ctx.expressions().render(env, vars);
    return new TaskEnv(s, ctx.factory(), spec, local, new Become(Boolean.TRUE.equals(become), method, becomeUser,
        becomePass), renderedEnv, o.commandTimeout());
  }

  private String str(Map<String, Object> vars, String key) throws ExpressionException {
    Object v = vars.get(key);
    if (v instanceof String t && t.contains("{{")) {
      v = ctx.expressions().render(t, vars);
    }
    return v == null ? null : String.valueOf(v);
  }

  private static Boolean bool(String s) {
    return s == null ? null : s.matches("(?i)yes|true|on|1");
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }
}
