package dev.hawser.engine.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The map Ansible would print after {@code =>} for a result, with internal keys removed. */
final class ResultView {
  /** Ansible's exact replacement text for a no_log result. */
  static final String HIDDEN =
      "the output has been hidden due to the fact that 'no_log: true' was specified for this result";
  /** Result key the engine sets (to true) on results shown as an indented block, like debug. */
  static final String SHOW_KEY = "_hawser_show";
  /** Result key: the -v count from which a shown result is printed (debug's verbosity). */
  static final String THRESHOLD_KEY = "_hawser_verbosity";
  /** The item label Ansible prints for a no_log loop item. */
  static final String HIDDEN_ITEM = "None";

  private ResultView() {}

  /** Value of {@link #SHOW_KEY} for results shown with their changed flag too, as Ansible shows assert's. */
  static final String SHOW_WITH_CHANGED = "with_changed";

  /** Result key the engine sets on a delegated task's result: the host it ran on. */
  static final String DELEGATED_KEY = "_hawser_delegated_to";

  /** "[web1]", or "[web1 -> db1]" for a task delegated to db1, as Ansible prints it. */
  static String head(HostResult r) {
    Object to = r.result() == null ? null : r.result().get(DELEGATED_KEY);
    return "[" + r.host() + (to == null ? "" : " -> " + to) + "]";
  }

  static boolean isShow(HostResult r) {
    Object show = r.result() == null ? null : r.result().get(SHOW_KEY);
    return Boolean.TRUE.equals(show) || SHOW_WITH_CHANGED.equals(show);
  }

  /**
   * A shown result (debug) whose {@code _hawser_verbosity} exceeds the run's verbosity becomes
   * what Ansible prints then: a skip with "Verbosity threshold not met.".
   */
  static HostResult applyThreshold(HostResult r, int verbosity) {
    if (!isShow(r) || r.status() != Status.OK
        || !(r.result().get(THRESHOLD_KEY) instanceof Number n) || n.intValue() <= verbosity) {
      return r;
    }
    return new HostResult(r.host(), r.task(), Status.SKIPPED, null, null, null, null, r.duration(),
        List.of(), List.of(), Map.of("skipped_reason", "Verbosity threshold not met."), r.item(),
        r.noLog());
  }

  static String itemLabel(HostResult r) {
    return r.noLog() ? HIDDEN_ITEM : String.valueOf(r.item());
  }

  static String msg(HostResult r) {
    if (r.noLog()) {
      return HIDDEN;
    }
    return r.msg() == null ? "" : r.msg();
  }

  /** The result as printed after {@code =>} on one line (or, for debug, as an indented block). */
  static Map<String, Object> forDisplay(HostResult r, int verbosity) {
    if (r.noLog()) {
      return censored(r);
    }
    Map<String, Object> m = new TreeMap<>();
    if (r.result() != null && !r.result().isEmpty()) {
      r.result().forEach((k, v) -> {
        if (!isInternal(k)) {
          m.put(k, strip(v));
        }
      });
      if (verbosity < 3) {
        m.remove("diff");
        m.remove("invocation");
      }
      m.remove("exception");
    } else {
      synthesize(r, m);
    }
    if (r.item() != null && !m.containsKey("item") && !m.containsKey("ansible_loop_var")) {
      m.put("ansible_loop_var", "item");
      m.put("item", r.item());
    }
    return m;
  }

  /** What debug shows: just {@code msg} when there is one, else the variables it was given. */
  static Map<String, Object> debugBlock(HostResult r) {
    Map<String, Object> all = forDisplay(r, 0);
    if (SHOW_WITH_CHANGED.equals(r.result().get(SHOW_KEY))) {
      Map<String, Object> block = new TreeMap<>();
      block.put("changed", r.changed());
      block.put("msg", all.get("msg") == null ? "" : all.get("msg"));
      return block;
    }
    if (all.containsKey("msg")) {
      return Map.of("msg", all.get("msg") == null ? "" : all.get("msg"));
    }
    Map<String, Object> vars = new TreeMap<>(all);
    List.of("changed", "failed", "skipped", "ansible_loop_var", "item").forEach(vars::remove);
    return vars;
  }

  private static Map<String, Object> censored(HostResult r) {
    Map<String, Object> m = new TreeMap<>();
    m.put("censored", HIDDEN);
    if (!isShow(r)) {
      Object changed = r.result() == null ? null : r.result().get("changed");
      m.put("changed", changed instanceof Boolean b ? b : r.changed());
    }
    if (r.status() == Status.UNREACHABLE) {
      m.put("unreachable", true);
    }
    return m;
  }

  private static void synthesize(HostResult r, Map<String, Object> m) {
    m.put("changed", r.changed());
    if (r.msg() != null) {
      m.put("msg", r.msg());
    }
    if (r.rc() != null) {
      m.put("rc", r.rc());
    }
    if (r.stdout() != null) {
      m.put("stdout", r.stdout());
    }
    if (r.stderr() != null) {
      m.put("stderr", r.stderr());
    }
    if (r.status() == Status.UNREACHABLE) {
      m.put("unreachable", true);
    }
  }

  private static boolean isInternal(Object key) {
    String k = String.valueOf(key);
    return k.startsWith("_hawser_") || k.startsWith("_ansible_");
  }

  /** Drops internal keys at any depth, as Ansible's strip_internal_keys does. */
  private static Object strip(Object v) {
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, x) -> {
        if (!isInternal(k)) {
          out.put(String.valueOf(k), strip(x));
        }
      });
      return out;
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>();
      c.forEach(x -> out.add(strip(x)));
      return out;
    }
    return v;
  }
}
