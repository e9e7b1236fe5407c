package dev.hawser.modules.system;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.TaskModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers a host's basic facts in one round trip (what gather_facts runs): names, OS, kernel,
 * CPU count, memory, package and service manager, default IPv4 route. Never changes the host.
 */
public final class SetupModule implements TaskModule {
  static final String COMMAND = String.join("; ",
      "echo hostname=$(hostname 2>/dev/null || cat /etc/hostname)",
      "echo fqdn=$(hostname -f 2>/dev/null || hostname 2>/dev/null)",
      "echo kernel=$(uname -r)", "echo system=$(uname -s)", "echo machine=$(uname -m)",
      "echo user_id=$(id -un)", "echo user_uid=$(id -u)",
      "echo vcpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null)",
      "echo memtotal_kb=$(awk '/^MemTotal:/{print $2}' /proc/meminfo 2>/dev/null)",
      "for m in apt-get dnf yum zypper apk pacman; do command -v $m >/dev/null 2>&1 && { echo pkg=$m; break; }; done",
      "if [ -d /run/systemd/system ]; then echo service=systemd; else echo service=$(cat /proc/1/comm 2>/dev/null); fi",
      "echo route=$(ip -4 route show default 2>/dev/null | head -n 1)",
      "sed -n 's/^/os_/p' /etc/os-release 2>/dev/null");

  @Override
  public String name() {
    return "setup";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.setup", "gather_facts", "ansible.builtin.gather_facts");
  }

  @Override
  public String summary() {
    return "Gathers basic facts about the host (run by gather_facts)";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of().anyKeys();
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    ExecResult r = host.run(COMMAND);
    if (!r.ok()) {
      throw ModuleException.of("could not gather facts", r);
    }
    Map<String, String> raw = new LinkedHashMap<>();
    r.stdout().lines().filter(l -> l.indexOf('=') > 0)
        .forEach(l -> raw.putIfAbsent(l.substring(0, l.indexOf('=')), unquote(l.substring(l.indexOf('=') + 1))));
    Map<String, Object> facts = HostFacts.of(raw);
    Map<String, Object> prefixed = new LinkedHashMap<>();
    facts.forEach((k, v) -> prefixed.put("ansible_" + k, v));
    prefixed.put("ansible_facts", facts);
    return new Change.None("", Map.of("ansible_facts", prefixed));
  }

  private static String unquote(String v) {
    String s = v.strip();
    return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))
        ? s.substring(1, s.length() - 1) : s;
  }
}
