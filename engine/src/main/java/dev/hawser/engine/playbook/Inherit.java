package dev.hawser.engine.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies a block's (or import's) keywords to a task inside it: when, tags, become, vars, environment. */
final class Inherit {
  private Inherit() {}

  static Task from(YamlSource src, Map<String, Object> parent, Task t) throws PlaybookException {
    return from(src, parent, t, true);
  }

  /** {@code withVars} false: the parent's vars are not task vars (a role entry's vars are role vars). */
  static Task from(YamlSource src, Map<String, Object> parent, Task t, boolean withVars) throws PlaybookException {
    Nodes n = new Nodes(src, parent, "block");
    Object when = combine(parent.get("when"), t.when());
    List<String> tags = new ArrayList<>(n.strings("tags"));
    tags.addAll(t.tags());
    Map<String, Object> vars = new LinkedHashMap<>(withVars ? n.map("vars") : Map.of());
    vars.putAll(t.vars());
    Map<String, Object> env = new LinkedHashMap<>(n.map("environment"));
    env.putAll(t.environment());
    Boolean become = t.become() != null ? t.become() : n.bool("become");
    String becomeUser = t.becomeUser() != null ? t.becomeUser() : n.str("become_user");
    boolean ignore = t.ignoreErrors() || Boolean.TRUE.equals(n.bool("ignore_errors"));
    boolean noLog = t.noLog() || Boolean.TRUE.equals(n.bool("no_log"));
    boolean runOnce = t.runOnce() || Boolean.TRUE.equals(n.bool("run_once"));
    String delegateTo = t.delegateTo() != null ? t.delegateTo() : TaskParser.delegateTo(src, parent);
    return new Task(t.name(), t.module(), t.args(), when, t.loop(), t.loopVar(), t.loopLabel(), t.register(),
        t.notifies(), t.listen(), tags, ignore, t.changedWhen(), t.failedWhen(), become, becomeUser, env,
        noLog, vars, t.checkMode() != null ? t.checkMode() : n.bool("check_mode"), runOnce, delegateTo,
        t.position(), t.role(),
        t.block());
  }

  private static Object combine(Object outer, Object inner) {
    if (outer == null) {
      return inner;
    }
    if (inner == null) {
      return outer;
    }
    List<Object> all = new ArrayList<>();
    addAll(all, outer);
    addAll(all, inner);
    return all;
  }

  private static void addAll(List<Object> out, Object cond) {
    if (cond instanceof List<?> l) {
      out.addAll(l);
    } else {
      out.add(cond);
    }
  }
}
