package dev.hawser.modules.kvm;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ExecResult;
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

/**
 * A libvirt guest, found by name. A missing guest is created with virt-install, whose arguments are
 * first checked with {@code virt-install --dry-run} while planning, so check mode fails exactly
 * where a run would. Existing guests are only started, stopped, undefined or (un)autostarted:
 * their hardware is not compared. Without virsh or virt-install (--check on a bare host, before
 * install_packages ran) the guest is planned unchecked; a real run then fails on the step itself.
 */
public final class VirtInstall implements TaskModule {
  /** dominfo's answer when virsh itself is missing. */
  private static final Map<String, String> NO_VIRSH = Map.of("@hawser", "no virsh");

  @Override
  public String name() {
    return "virt_install";
  }

  @Override
  public String summary() {
    return "Creates a libvirt guest with virt-install and keeps it running, shut down or undefined";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.str("name").required(),
        Param.integer("memory").defaultTo(1024).doc("MiB"),
        Param.integer("vcpus").defaultTo(1),
        Param.list("disks").doc("paths, virt-install specs, or maps {path, size, format, bus}"),
        Param.bool("import").doc("boot the first disk as is (no installer)"),
        Param.str("cdrom"), Param.str("location"), Param.str("extra_args"),
        Param.dict("cloud_init").doc("{user_data, meta_data}: contents, written to /run/hawser-vm-NAME/"),
        Param.str("os_variant").defaultTo("generic"),
        Param.str("network").defaultTo("network=default").doc("bridge=br0, network=default or none"),
        Param.str("graphics").defaultTo("none"),
        Param.str("console"),
        Param.choice("virt_type", "kvm", "qemu").doc("default: virt.recommended_type from check_virt, else kvm"),
        Param.bool("boot_uefi"),
        Param.of("autostart", Param.Type.BOOL),
        Param.choice("state", "running", "shutdown", "destroyed", "undefined").defaultTo("running"),
        Param.bool("remove_storage").doc("state undefined: also delete the guest's volumes"),
        Param.integer("shutdown_timeout").defaultTo(120).doc("seconds to wait for a guest to shut down"),
        Param.str("uri").defaultTo(Virsh.DEFAULT_URI))
        .mutuallyExclusive("import", "cdrom", "location");
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    String name = params.str("name");
    String uri = params.str("uri");
    Virsh virsh = new Virsh(uri);
    Map<String, String> info = host.fact(Fact.of(virsh.cmd("dominfo", name), r -> dominfo(r, uri)));
    boolean noVirsh = info == NO_VIRSH;
    if (noVirsh) {
      info = null;
    }
    String want = params.str("state");
    Object autostartParam = params.raw("autostart");
    List<Step> steps = new ArrayList<>();
    String did;
    if (info == null) {
      if (want.equals("undefined")) {
        return result(name, "undefined", false, steps, "");
      }
      did = create(params, host, virsh, steps, want, noVirsh);
    } else {
      String state = info.getOrDefault("State", "");
      boolean active = !state.matches("shut off|crashed");
      did = switch (want) {
        case "running" -> state.matches("shut off|crashed") ? step(steps, virsh.cmd("start", name), "started")
            : state.matches("paused|pmsuspended") ? step(steps, virsh.cmd("resume", name), "resumed") : "";
        case "shutdown" -> active ? step(steps, shutdown(virsh, name, params.integer("shutdown_timeout")), "shut down") : "";
        case "destroyed" -> active ? step(steps, virsh.cmd("destroy", name), "destroyed") : "";
        default -> undefine(params, virsh, name, active, steps);
      };
      if (autostartParam instanceof Boolean on && !want.equals("undefined")
          && on != "enable".equals(info.get("Autostart"))) {
        steps.add(new Step.Run(on ? virsh.cmd("autostart", name) : virsh.cmd("autostart", "--disable", name)));
        did += (did.isEmpty() ? "" : ", ") + "autostart " + (on ? "on" : "off");
      }
    }
    boolean autostart = autostartParam instanceof Boolean b ? b : info != null && "enable".equals(info.get("Autostart"));
    return result(name, want, autostart && !want.equals("undefined"), steps, did);
  }

  private String create(Params params, Remote host, Virsh virsh, List<Step> steps, String want, boolean noVirsh)
      throws ModuleException {
    String name = params.str("name");
    String virtType = params.opt("virt_type").orElseGet(() -> recommended(host));
    String unchecked = noVirsh ? "virsh not installed yet; will install guest " + name
        + " (arguments not checked: virt-install --dry-run needs libvirt): " : "";
    if (!noVirsh) {
      List<String> dryRun = new ArrayList<>(VirtInstallArgs.build(params, params.str("uri"), virtType, List.of()));
      dryRun.add("--dry-run");
      ExecResult check = host.run(Sh.cmd(dryRun.toArray(String[]::new)));
      if (check.rc() == 127) {
        unchecked = "virt-install not installed yet; will install guest " + name + " (arguments not checked): ";
      } else if (!check.ok()) {
        throw ModuleException.of("virt-install --dry-run rejected the arguments for " + name, check);
      }
    }
    List<String> cloudInit = new ArrayList<>();
    Map<String, Object> ci = params.dict("cloud_init");
    String dir = "/run/hawser-vm-" + name.replaceAll("[^A-Za-z0-9_.-]", "_");
    for (String key : List.of("user_data", "meta_data")) {
      if (ci.get(key) != null) {
        String file = dir + "/" + key.replace('_', '-');
        steps.add(new Step.Upload(file, String.valueOf(ci.get(key)).getBytes(StandardCharsets.UTF_8), "0600", null, null));
        cloudInit.add(file);
      }
    }
    if (!cloudInit.isEmpty()) {
      steps.add(0, new Step.Run(Sh.cmd("mkdir", "-p", "-m", "0700", dir)));
    }
    List<String> argv = VirtInstallArgs.build(params, params.str("uri"), virtType, cloudInit);
    if (want.equals("running")) {
      steps.add(new Step.Run(Sh.cmd(argv.toArray(String[]::new))));
      return unchecked + "installed with virt-type " + virtType;
    }
    // Defined but not started: virt-install writes the XML, virsh defines it.
    argv.remove("--autostart");
    argv.add("--print-xml");
    String xml = dir + ".xml";
    steps.add(new Step.Run(Sh.cmd(argv.toArray(String[]::new)) + " > " + Sh.quote(xml) + " && "
        + virsh.cmd("define", xml) + " && " + Sh.cmd("rm", "-f", xml)));
    if (Boolean.TRUE.equals(params.raw("autostart"))) {
      steps.add(new Step.Run(virsh.cmd("autostart", name)));
    }
    return unchecked + "defined (not started)";
  }

  private static String undefine(Params params, Virsh virsh, String name, boolean active, List<Step> steps) {
    if (active) {
      steps.add(new Step.Run(virsh.cmd("destroy", name)));
    }
    List<String> argv = new ArrayList<>(List.of("undefine", name));
    if (params.bool("boot_uefi")) {
      argv.add("--nvram");
    }
    if (params.bool("remove_storage")) {
      argv.add("--remove-all-storage");
    }
    return step(steps, virsh.cmd(argv.toArray(String[]::new)), "undefined");
  }

  /** ACPI shutdown is a request: wait for it, and fail clearly if the guest ignores it. */
  private static String shutdown(Virsh virsh, String name, int timeout) {
    return virsh.cmd("shutdown", name) + " || exit 1; i=0; while [ $i -lt " + timeout + " ]; do [ \"$("
        + virsh.cmd("domstate", name) + ")\" = 'shut off' ] && exit 0; sleep 1; i=$((i+1)); done; echo "
        + Sh.quote(name + " did not shut down within " + timeout + "s (does the guest handle ACPI?): "
            + "use state: destroyed to power it off") + " >&2; exit 1";
  }

  private static String step(List<Step> steps, String command, String did) {
    steps.add(new Step.Run(command));
    return did;
  }

  @SuppressWarnings("unchecked")
  private static String recommended(Remote host) {
    Object virt = host.controller().vars().get("virt");
    Object type = virt instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("recommended_type") : null;
    return type == null ? "kvm" : String.valueOf(type);
  }

  /** dominfo's "Key: value" lines, or null when the domain does not exist. */
  private static Map<String, String> dominfo(ExecResult r, String uri) throws ModuleException {
    if (!r.ok()) {
      if (Virsh.missing(r)) {
        return NO_VIRSH;
      }
      if (Virsh.notFound(r)) {
        return null;
      }
      throw Virsh.broken(uri, r);
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : r.stdout().split("\n")) {
      int c = line.indexOf(':');
      if (c > 0) {
        m.put(line.substring(0, c).strip(), line.substring(c + 1).strip());
      }
    }
    return m;
  }

  private static Change result(String name, String state, boolean autostart, List<Step> steps, String did) {
    Map<String, Object> data = Map.of("name", name, "state", state, "autostart", autostart);
    if (steps.isEmpty()) {
      return new Change.None("guest " + name + " is " + state, data);
    }
    return new Change.Pending(steps, List.of(), "guest " + name + ": " + did, data);
  }
}
