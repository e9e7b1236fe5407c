package dev.hawser.modules.system;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.TaskModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Waits on the host for a port, a file or a string in a file. The loop runs in sh on the host (one
 * round trip, deadline from {@code date +%s}); waiting only reads, so it happens in plan() and in
 * check mode too. A local port is checked in /proc/net/tcp (no nc needed on a minimal host); a
 * remote one, or a banner (search_regex), needs nc.
 */
public final class WaitForModule implements TaskModule {
  private static final Set<String> LOCAL = Set.of("127.0.0.1", "localhost", "::1", "0.0.0.0", "::");
  private static final int NO_NC = 3;

  @Override
  public String name() {
    return "wait_for";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.wait_for");
  }

  @Override
  public String summary() {
    return "Waits for a port, a file or a string in a file, on the host";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.str("host").defaultTo("127.0.0.1"),
        Param.integer("port"),
        Param.str("path"),
        Param.choice("state", "started", "stopped", "present", "absent").defaultTo("started"),
        Param.integer("timeout").defaultTo(300).doc("seconds, delay included"),
        Param.integer("delay").defaultTo(0).doc("seconds before the first check"),
        Param.integer("sleep").defaultTo(1).doc("seconds between checks"),
        Param.integer("connect_timeout").defaultTo(5),
        Param.str("search_regex").doc("extended regex, in the file or the port's banner"),
        Param.str("msg").doc("failure message instead of the default"))
        .mutuallyExclusive("port", "path");
  }

  @Override
  public Change plan(Params p, Remote host) throws ModuleException {
    boolean present = Set.of("started", "present").contains(p.str("state"));
    String what = p.has("port") ? p.str("host") + ":" + p.integer("port") : p.str("path");
    String check = check(p);
    String elapsed = "echo \"elapsed=$(($(date +%s) - start))\"";
    String script = check == null
        ? "start=$(date +%s); sleep " + (p.integer("delay") + p.integer("timeout")) + "; " + elapsed
        : "start=$(date +%s); deadline=$((start + " + p.integer("timeout") + ")); sleep " + p.integer("delay")
            + "; until " + (present ? "" : "! ") + check + "; do if [ \"$(date +%s)\" -ge \"$deadline\" ]; then "
            + elapsed + "; exit 1; fi; sleep " + p.integer("sleep") + "; done; " + elapsed;
    if (check != null && check.startsWith("nc ")) {
      script = "if ! command -v nc >/dev/null 2>&1; then exit " + NO_NC + "; fi; " + script;
    }
    ExecResult r = host.run("(" + script + ")");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("elapsed", elapsed(r.stdout()));
    data.put("state", p.str("state"));
    if (p.has("port")) {
      data.put("host", p.str("host"));
      data.put("port", p.integer("port"));
    } else if (p.has("path")) {
      data.put("path", p.str("path"));
    }
    if (r.rc() == NO_NC) {
      throw new ModuleException("wait_for needs nc on " + host.name() + " to check " + what);
    }
    if (r.rc() != 0) {
      throw new ModuleException(p.opt("msg").orElse(timeoutMessage(p, what, present)), data);
    }
    return new Change.None("", data);
  }

  /** One sh test that succeeds when the thing waited for is there, or null to just sleep. */
  private static String check(Params p) {
    String regex = p.str("search_regex");
    if (p.has("port")) {
      String host = p.str("host");
      String port = String.valueOf(p.integer("port"));
      String timeout = String.valueOf(p.integer("connect_timeout"));
      if (regex != null) {
        return Sh.cmd("nc", "-w", timeout, host, port) + " </dev/null 2>/dev/null | " + Sh.cmd("grep", "-Eq", "--", regex);
      }
      if (!LOCAL.contains(host)) {
        return Sh.cmd("nc", "-z", "-w", timeout, host, port) + " >/dev/null 2>&1";
      }
      // a listening socket: local address ending in :PORT (hex), state 0A
      String listen = "^ *[0-9]+: [0-9A-F]+:" + String.format("%04X", p.integer("port")) + " [0-9A-F]+:[0-9A-F]+ 0A ";
      return Sh.cmd("grep", "-Eq", listen, "/proc/net/tcp", "/proc/net/tcp6") + " 2>/dev/null";
    }
    if (p.has("path")) {
      return regex == null ? Sh.cmd("test", "-e", p.str("path"))
          : Sh.cmd("grep", "-Eq", "--", regex, p.str("path")) + " 2>/dev/null";
    }
    return null;
  }

  private static String timeoutMessage(Params p, String what, boolean present) {
    if (p.has("search_regex")) {
      return "Timeout when waiting for search string " + p.str("search_regex") + " in " + what;
    }
    if (p.has("port")) {
      return "Timeout when waiting for " + what + (present ? "" : " to stop.");
    }
    return present ? "Timeout when waiting for file " + what : "Timeout when waiting for " + what + " to be absent.";
  }

  private static long elapsed(String stdout) {
    return stdout.lines().filter(l -> l.startsWith("elapsed=")).findFirst()
        .map(l -> Long.parseLong(l.substring("elapsed=".length()).strip())).orElse(0L);
  }
}
