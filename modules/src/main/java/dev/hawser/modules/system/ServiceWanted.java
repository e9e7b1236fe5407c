package dev.hawser.modules.system;

import dev.hawser.engine.spi.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a service task asks for; null fields are left as they are. */
record ServiceWanted(String name, String state, Boolean enabled, Boolean masked, boolean daemonReload) {

  static ServiceWanted of(Params p) {
    return new ServiceWanted(p.str("name"), p.str("state"), tri(p, "enabled"), tri(p, "masked"),
        p.bool("daemon_reload"));
  }

  private static Boolean tri(Params p, String name) {
    return p.has(name) ? p.bool(name) : null;
  }

  /** {@code key=value} lines as a map (systemctl show, and the SysV probe). */
  static Map<String, String> properties(List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : lines) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return out;
  }

  /** The result data Ansible's service modules return: name, state, enabled, status. */
  Map<String, Object> result(boolean runningNow, boolean enabledNow, Map<String, String> status) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", name);
    boolean running = state == null ? runningNow : !state.equals("stopped");
    data.put("state", running ? "started" : "stopped");
    data.put("enabled", enabled == null ? enabledNow : enabled);
    data.put("status", status);
    return data;
  }
}
