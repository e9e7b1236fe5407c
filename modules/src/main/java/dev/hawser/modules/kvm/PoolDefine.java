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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A libvirt storage pool: defined from pool.xml.mustache, built when its directory or volume group
 * is missing, started and autostarted. Definitions are compared on the fields this module sets;
 * a field left unset is libvirt's to default. Never deletes pool contents (no pool-delete).
 */
public final class PoolDefine implements TaskModule {
  private static final String TEMPLATE = "pool.xml.mustache";

  @Override
  public String name() {
    return "pool_define";
  }

  @Override
  public String summary() {
    return "Defines, builds, starts and autostarts a libvirt storage pool";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.str("name").required(),
        Param.choice("type", "dir", "netfs", "logical", "iscsi").defaultTo("dir"),
        Param.str("target").aliases("path").doc("target path (dir/netfs: the directory; logical: /dev/VG)"),
        Param.str("source_host"), Param.str("source_path"), Param.str("source_dev"),
        Param.str("source_name"), Param.str("format"),
        Param.bool("autostart").defaultTo(true),
        Param.choice("state", "active", "inactive", "absent").defaultTo("active"),
        Param.str("template").doc("controller template for the pool XML instead of the bundled one"),
        Param.str("uri").defaultTo(Virsh.DEFAULT_URI));
  }

  static String fact(Virsh virsh, String name, String buildCheck) {
    return String.join("; ",
        "if ! command -v virsh >/dev/null 2>&1; then echo '@@hawser novirsh'",
        "elif x=$(" + virsh.cmd("pool-dumpxml", "--inactive", name) + " 2>&1)",
        "then echo '@@hawser xml'; printf '%s\\n' \"$x\"; echo '@@hawser info'; " + virsh.cmd("pool-info", name)
            + " || exit 1",
        "else echo '@@hawser missing'; printf '%s\\n' \"$x\" >&2; " + virsh.cmd("pool-list") + " >/dev/null || exit 1; fi",
        Probe.value("built", "$(" + buildCheck + " && echo yes || echo no)"));
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    String name = params.str("name");
    String type = params.str("type");
    Virsh virsh = new Virsh(params.str("uri"));
    PoolXml want = new PoolXml(type, name, target(params), params.str("source_host"),
        params.str("source_path"), params.str("source_dev"), params.str("source_name"), params.str("format"));
    String xml = KvmTemplates.render(host, params.str("template"), TEMPLATE, want.scope());
    want = PoolXml.parse(xml);
    String buildCheck = switch (type) {
      case "dir", "netfs" -> "[ -d " + Sh.quote(want.target()) + " ]";
      case "logical" -> "vgs " + Sh.quote(Objects.requireNonNullElse(want.sourceName(), name)) + " >/dev/null 2>&1";
      default -> "true";
    };
    Probe p = host.fact(Fact.of(fact(virsh, name, buildCheck), r -> {
      if (!r.ok()) {
        throw Virsh.broken(params.str("uri"), r);
      }
      return Probe.parse(r.stdout());
    }));
    // No virsh yet (--check on a bare host, before install_packages ran): no libvirt, so no pool.
    // The steps are planned as for a missing pool; a real run without virsh fails on them.
    boolean noVirsh = p.has("novirsh");
    boolean defined = p.has("xml");
    Map<String, String> info = info(p.body("info"));
    boolean active = "running".equals(info.get("State"));
    boolean autostart = "yes".equals(info.get("Autostart"));
    String state = params.str("state");
    List<Step> steps = new ArrayList<>();
    List<Diff> diffs = new ArrayList<>();
    List<String> did = new ArrayList<>();

    if (state.equals("absent")) {
      if (active) {
        steps.add(new Step.Run(virsh.cmd("pool-destroy", name)));
      }
      if (defined) {
        steps.add(new Step.Run(virsh.cmd("pool-undefine", name)));
        did.add("undefined (contents kept)");
      }
      return result(name, steps, diffs, did, "absent", false, noVirsh);
    }
    PoolXml have = defined ? PoolXml.parse(p.body("xml")) : null;
    if (have == null || !matches(want, have)) {
      String file = "/run/hawser-pool-" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".xml";
      steps.add(new Step.Upload(file, xml.getBytes(StandardCharsets.UTF_8), "0600", null, null));
      steps.add(new Step.Run(virsh.cmd("pool-define", file) + " && " + Sh.cmd("rm", "-f", file)));
      String before = have == null ? "" : KvmTemplates.render(host, null, TEMPLATE, have.scope());
      diffs.add(new Diff("pool " + name, before, KvmTemplates.render(host, null, TEMPLATE, want.scope())));
      did.add(have == null ? "defined" : "redefined");
      if (active) {
        // pool-define changes the persistent config only; a restart makes the running pool use it.
        steps.add(new Step.Run(virsh.cmd("pool-destroy", name)));
        active = false;
      }
    }
    boolean activeWanted = state.equals("active");
    if (activeWanted && !active && p.is("built", "no") && !type.equals("iscsi")) {
      steps.add(new Step.Run(virsh.cmd("pool-build", name)));
      did.add("built");
    }
    if (activeWanted && !active) {
      steps.add(new Step.Run(virsh.cmd("pool-start", name)));
      did.add("started");
    } else if (!activeWanted && active) {
      steps.add(new Step.Run(virsh.cmd("pool-destroy", name)));
      did.add("stopped");
    }
    boolean autostartWanted = params.bool("autostart");
    if (autostartWanted != autostart || !defined && autostartWanted) {
      steps.add(new Step.Run(autostartWanted ? virsh.cmd("pool-autostart", name)
          : virsh.cmd("pool-autostart", "--disable", name)));
      did.add(autostartWanted ? "autostart on" : "autostart off");
    }
    return result(name, steps, diffs, did, state, autostartWanted, noVirsh);
  }

  private static String target(Params params) {
    if (params.has("target")) {
      return params.str("target");
    }
    return switch (params.str("type")) {
      case "logical" -> "/dev/" + params.opt("source_name").orElse(params.str("name"));
      case "iscsi" -> "/dev/disk/by-path";
      default -> "/var/lib/libvirt/images/" + params.str("name");
    };
  }

  /** Only fields the task sets count: libvirt fills in the rest (uuid, default formats, ...). */
  private static boolean matches(PoolXml want, PoolXml have) {
    return same(want.type(), have.type()) && same(want.name(), have.name()) && same(want.target(), have.target())
        && same(want.sourceHost(), have.sourceHost()) && same(want.sourcePath(), have.sourcePath())
        && same(want.sourceDev(), have.sourceDev()) && same(want.sourceName(), have.sourceName())
        && same(want.format(), have.format());
  }

  private static boolean same(String want, String have) {
    return want == null || want.equals(have);
  }

  private static Map<String, String> info(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int c = line.indexOf(':');
      if (c > 0) {
        m.put(line.substring(0, c).strip(), line.substring(c + 1).strip());
      }
    }
    return m;
  }

  private static Change result(String name, List<Step> steps, List<Diff> diffs, List<String> did,
      String state, boolean autostart, boolean noVirsh) {
    Map<String, Object> data = Map.of("name", name, "state", state, "autostart", autostart);
    if (steps.isEmpty()) {
      return new Change.None((noVirsh ? "virsh not installed: " : "") + "pool " + name + " is " + state, data);
    }
    return new Change.Pending(steps, diffs, (noVirsh ? "virsh not installed yet; will define the pool: " : "")
        + "pool " + name + ": " + String.join(", ", did), data);
  }
}
