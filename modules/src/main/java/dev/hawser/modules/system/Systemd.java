package dev.hawser.modules.system;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Units under systemd: reads load/active/enabled state in one command, then decides. */
final class Systemd {
  /** is-enabled states meaning "starts at boot" (static and indirect units cannot be enabled further). */
  private static final Set<String> ENABLED =
      Set.of("enabled", "enabled-runtime", "static", "indirect", "generated", "alias");
  private static final Set<String> RUNNING = Set.of("active", "activating", "reloading");

  private Systemd() {}

  /** Prints LoadState=, ActiveState=, NeedDaemonReload= and UnitFileState= lines. */
  static String read(String unit) {
    return Sh.cmd("systemctl", "show", "-p", "LoadState", "-p", "ActiveState", "-p", "NeedDaemonReload", unit)
        + " 2>/dev/null; printf 'UnitFileState=%s\\n' \"$(" + Sh.cmd("systemctl", "is-enabled", unit)
        + " 2>/dev/null)\"";
  }

  static Change plan(ServiceWanted w, Map<String, String> props, String host) throws ModuleException {
    List<Step> steps = new ArrayList<>();
    if (w.name() == null) {
      return Change.of(new Step.Run("systemctl daemon-reload")).withMsg("reload systemd");
    }
    boolean notFound = !"loaded".equals(props.get("LoadState")) && !"masked".equals(props.get("LoadState"));
    if (notFound && !w.daemonReload()) {
      throw new ModuleException("Could not find the requested service " + w.name() + ": " + host);
    }
    if (w.daemonReload() && (notFound || "yes".equals(props.get("NeedDaemonReload")))) {
      steps.add(new Step.Run("systemctl daemon-reload"));
    }
    String fileState = notFound ? "disabled" : props.getOrDefault("UnitFileState", "");
    if (Boolean.TRUE.equals(w.masked()) && !fileState.startsWith("masked")) {
      steps.add(run("mask", w.name()));
    } else if (Boolean.FALSE.equals(w.masked()) && fileState.startsWith("masked")) {
      steps.add(run("unmask", w.name()));
      fileState = "disabled";
    }
    boolean enabledNow = ENABLED.contains(fileState);
    if (Boolean.TRUE.equals(w.enabled()) && !enabledNow) {
      steps.add(run("enable", w.name()));
    } else if (Boolean.FALSE.equals(w.enabled()) && fileState.startsWith("enabled")) {
      steps.add(run("disable", w.name()));
    }
    boolean running = !notFound && RUNNING.contains(props.getOrDefault("ActiveState", ""));
    String action = action(w.state(), running);
    if (action != null) {
      steps.add(run(action, w.name()));
    }
    Map<String, Object> data = w.result(running, enabledNow, props);
    return steps.isEmpty() ? new Change.None("", data)
        : new Change.Pending(steps, List.of(), describe(steps), data);
  }

  /** The start/stop verb a state asks for, or null. restarted always acts, as in Ansible. */
  static String action(String state, boolean running) {
    if (state == null) {
      return null;
    }
    return switch (state) {
      case "started" -> running ? null : "start";
      case "stopped" -> running ? "stop" : null;
      case "restarted" -> "restart";
      case "reloaded" -> running ? "reload" : "start";
      default -> null;
    };
  }

  private static Step run(String verb, String unit) {
    return new Step.Run(Sh.cmd("systemctl", verb, unit));
  }

  static String describe(List<Step> steps) {
    return String.join("; ", steps.stream().map(Step::describe).toList());
  }
}
