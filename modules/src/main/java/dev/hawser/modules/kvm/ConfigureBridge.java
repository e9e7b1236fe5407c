package dev.hawser.modules.kvm;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.Diff;
import dev.hawser.engine.spi.Fact;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.Step;
import dev.hawser.engine.spi.TaskModule;
import dev.hawser.modules.kvm.BridgeConfig.ConfigFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A Linux bridge for guests, written for ifupdown, netplan or NetworkManager and applied safely:
 * a rollback timer is armed on the host first, and disarmed only when the engine reconnects after
 * the change. Unchanged when the files match AND the live bridge exists with the wanted ports.
 */
public final class ConfigureBridge implements TaskModule {
  private static final String IFNAME = "[A-Za-z0-9_.-]{1,15}";

  @Override
  public String name() {
    return "configure_bridge";
  }

  @Override
  public String summary() {
    return "Configures a network bridge (ifupdown, netplan, NetworkManager) with automatic rollback";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.str("name").required(),
        Param.list("ports").doc("interfaces to enslave (their own IP config must be removed)"),
        Param.bool("dhcp").defaultTo(true),
        Param.str("address").doc("static address, 10.0.0.2/24 or with netmask (then dhcp is ignored)"),
        Param.str("netmask"), Param.str("gateway"), Param.list("dns"),
        Param.bool("stp"),
        Param.integer("forward_delay").defaultTo(0),
        Param.choice("backend", "auto", "ifupdown", "netplan", "networkmanager").defaultTo("auto"),
        Param.str("file").doc("config file (default per backend, e.g. /etc/network/interfaces.d/NAME)"),
        Param.integer("rollback_timeout").defaultTo(60),
        Param.bool("apply").defaultTo(true).doc("false: write the config only"),
        Param.str("template").doc("controller template for the main config file"));
  }

  static String fact(String name, List<String> files) {
    StringBuilder s = new StringBuilder(String.join("; ",
        Probe.value("tools", "$(for t in ifup ifreload netplan nmcli systemd-run; do command -v $t >/dev/null 2>&1 && printf '%s ' $t; done)"),
        Probe.value("systemd", "$([ -d /run/systemd/system ] && echo yes)"),
        Probe.value("nm", "$(nmcli -t -f RUNNING general 2>/dev/null)"),
        Probe.value("netplan", "$([ -d /etc/netplan ] && echo yes)"),
        Probe.value("bridge", "$([ -d /sys/class/net/" + name + "/bridge ] && echo yes)"),
        // ports, without tun/tap devices: guests' vnetN taps join the bridge and are not drift
        Probe.value("brif", "$(for i in $(ls /sys/class/net/" + name + "/brif 2>/dev/null); do "
            + "[ -e /sys/class/net/$i/tun_flags ] || printf '%s ' $i; done)"),
        Probe.section("interfaces", "grep -s -e '^[[:space:]]*iface' -e '^[[:space:]]*source' /etc/network/interfaces; true")));
    for (int i = 0; i < files.size(); i++) {
      s.append("; ").append(Probe.file("file" + i, Sh.quote(files.get(i))));
    }
    return s.toString();
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    String name = params.str("name");
    List<String> ports = params.strings("ports");
    for (String n : concat(List.of(name), ports)) {
      if (!n.matches(IFNAME)) {
        throw new ModuleException("'" + n + "' is not an interface name (1-15 letters, digits, _ . -)");
      }
    }
    String backendParam = params.str("backend");
    List<String> candidates = backendParam.equals("auto")
        ? List.of(BridgeConfig.NETPLAN, BridgeConfig.NM, BridgeConfig.IFUPDOWN) : List.of(backendParam);
    List<String> paths = new ArrayList<>();
    for (String b : candidates) {
      paths.addAll(BridgeConfig.paths(b, name, params.str("file"), ports));
    }
    Probe p = host.fact(Fact.of(fact(name, paths), r -> Probe.parse(r.stdout())));
    List<String> tools = p.words("tools");
    String backend = backendParam.equals("auto") ? detect(p, tools) : backendParam;
    String file = params.opt("file").orElse(BridgeConfig.defaultFile(backend, name));
    if (backend.equals(BridgeConfig.IFUPDOWN) && !file.equals("/etc/network/interfaces")) {
      checkInterfaces(p.body("interfaces"), file, name, ports);
    }
    List<ConfigFile> files = BridgeConfig.render(params, host, backend, file);
    List<Step> writes = new ArrayList<>();
    List<Diff> diffs = new ArrayList<>();
    for (ConfigFile f : files) {
      String key = "file" + paths.indexOf(f.path());
      String before = p.is(key, "present") ? p.body(key) : null;
      if (!f.content().equals(before)) {
        if (before == null) {
          // a new file: its directory may be missing too (interfaces.d comes with ifupdown)
          writes.add(new Step.Run(Sh.cmd("mkdir", "-p", parent(f.path()))));
        }
        writes.add(new Step.Upload(f.path(), f.content().getBytes(StandardCharsets.UTF_8), f.mode(), "root", "root"));
        diffs.add(new Diff(f.path(), before, f.content()));
      }
    }
    boolean apply = params.bool("apply");
    boolean live = p.is("bridge", "yes") && new HashSet<>(p.words("brif")).equals(new HashSet<>(ports));
    Map<String, Object> data = Map.of("name", name, "backend", backend, "file", file);
    if (writes.isEmpty() && (live || !apply)) {
      return new Change.None("bridge " + name + " is configured (" + backend + ")", data);
    }
    if (!apply) {
      return new Change.Pending(writes, diffs, "wrote " + file + " (not applied)", data);
    }
    boolean ipFallback = backend.equals(BridgeConfig.IFUPDOWN) && !tools.contains("ifup") && !tools.contains("ifreload");
    BridgeRollback rollback = new BridgeRollback(name, backend, ipFallback, files.stream().map(ConfigFile::path).toList());
    List<Step> steps = new ArrayList<>();
    steps.add(new Step.Upload(rollback.script(), rollback.scriptText(params.integer("rollback_timeout"))
        .getBytes(StandardCharsets.UTF_8), "0700", "root", "root"));
    steps.add(new Step.Run(rollback.arm(p.is("systemd", "yes") && tools.contains("systemd-run"))));
    steps.addAll(writes);
    steps.add(new Step.Run(applyCommand(backend, tools, ipFallback, params)));
    steps.add(new Step.Reconnect(rollback.confirm(), params.integer("rollback_timeout")));
    String msg = "bridge " + name + " written to " + file + " and applied (" + backend + "), rollback armed for "
        + params.integer("rollback_timeout") + "s";
    if (ipFallback) {
      msg += "; ifup is not installed, so the bridge was created with ip link"
          + (params.has("address") ? "" : " and DHCP was not run") + ": it takes the file's config at the next boot "
          + "only if ifupdown is installed";
    }
    return new Change.Pending(steps, diffs, msg, data);
  }

  private static String detect(Probe p, List<String> tools) {
    if (tools.contains("netplan") && p.is("netplan", "yes")) {
      return BridgeConfig.NETPLAN;
    }
    if (tools.contains("nmcli") && p.is("nm", "running")) {
      return BridgeConfig.NM;
    }
    return BridgeConfig.IFUPDOWN;
  }

  /** ifupdown would bring a port up twice (with its own address and in the bridge): refuse clearly. */
  private static void checkInterfaces(String interfaces, String file, String name, List<String> ports)
      throws ModuleException {
    if (interfaces.isBlank()) {
      return;
    }
    if (file.startsWith("/etc/network/interfaces.d/") && !interfaces.matches("(?s).*source[^\\n]*interfaces\\.d.*")) {
      throw new ModuleException("/etc/network/interfaces does not source /etc/network/interfaces.d/*: add that line, "
          + "or set file: /etc/network/interfaces to let configure_bridge write the whole file");
    }
    for (String line : interfaces.split("\n")) {
      String[] w = line.strip().split("\\s+");
      if (w.length >= 4 && w[0].equals("iface") && ports.contains(w[1]) && !w[3].equals("manual")) {
        throw new ModuleException(w[1] + " is configured in /etc/network/interfaces (" + line.strip() + "): change it "
            + "to 'inet manual' before making it a port of " + name + ", or its address will fight the bridge's");
      }
    }
  }

  private static String applyCommand(String backend, List<String> tools, boolean ipFallback, Params params)
      throws ModuleException {
    String name = params.str("name");
    if (backend.equals(BridgeConfig.NETPLAN)) {
      return "netplan generate && netplan apply";
    }
    if (backend.equals(BridgeConfig.NM)) {
      return "nmcli connection reload && " + Sh.cmd("nmcli", "connection", "up", name);
    }
    if (tools.contains("ifreload")) {
      return "ifreload -a";
    }
    if (!ipFallback) {
      return "{ " + Sh.cmd("ifdown", name) + " || true; } 2>/dev/null; " + Sh.cmd("ifup", name);
    }
    List<String> cmds = new ArrayList<>();
    cmds.add("{ " + Sh.cmd("ip", "link", "show", name) + " >/dev/null 2>&1 || " + Sh.cmd("ip", "link", "add", name, "type", "bridge") + "; }");
    cmds.add(Sh.cmd("ip", "link", "set", name, "type", "bridge", "stp_state", params.bool("stp") ? "1" : "0",
        "forward_delay", Integer.toString(params.integer("forward_delay") * 100)));
    for (String port : params.strings("ports")) {
      cmds.add(Sh.cmd("ip", "link", "set", port, "master", name));
      cmds.add(Sh.cmd("ip", "link", "set", port, "up"));
    }
    cmds.add(Sh.cmd("ip", "link", "set", name, "up"));
    if (params.has("address")) {
      Map<String, Object> scope = BridgeConfig.scope(params, null);
      cmds.add(Sh.cmd("ip", "addr", "replace", String.valueOf(scope.get("cidr")), "dev", name));
      if (params.has("gateway")) {
        cmds.add(Sh.cmd("ip", "route", "replace", "default", "via", params.str("gateway"), "dev", name));
      }
    }
    return String.join(" && ", cmds);
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
