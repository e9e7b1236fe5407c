package dev.hawser.modules.kvm;

import dev.hawser.engine.spi.Change;
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
import java.util.List;
import java.util.Map;

/**
 * Loads kvm + kvm_intel/kvm_amd, persists them in modules-load.d, optionally enables nested
 * virtualization. A module counts as loaded when /sys/module/NAME exists, which also covers
 * modules built into the kernel (they never show in /proc/modules).
 */
public final class LoadKvmModules implements TaskModule {
  static final String LOAD_CONF = "/etc/modules-load.d/kvm.conf";
  static final String NESTED_CONF = "/etc/modprobe.d/kvm-nested.conf";
  static final String FACT = String.join("; ",
      Probe.value("flag", "$(grep -m 1 '^flags' /proc/cpuinfo | grep -ow -e vmx -e svm | head -n 1)"),
      Probe.value("loaded", "$(for m in kvm kvm_intel kvm_amd; do [ -d /sys/module/$m ] && printf '%s ' $m; done)"),
      Probe.value("nested", "$(cat /sys/module/kvm_intel/parameters/nested /sys/module/kvm_amd/parameters/nested 2>/dev/null | head -n 1)"),
      Probe.file("load_conf", LOAD_CONF),
      Probe.file("nested_conf", NESTED_CONF));

  @Override
  public String name() {
    return "load_kvm_modules";
  }

  @Override
  public String summary() {
    return "Loads and persists the kvm kernel modules for this CPU, optionally with nested virtualization";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.bool("nested").doc("enable nested virtualization (options kvm_intel|kvm_amd nested=1)"),
        Param.bool("persist").defaultTo(true).doc("load the modules at boot via " + LOAD_CONF));
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    Probe p = host.fact(Fact.of(FACT, r -> Probe.parse(r.stdout())));
    String module = switch (p.value("flag")) {
      case "vmx" -> "kvm_intel";
      case "svm" -> "kvm_amd";
      default -> throw new ModuleException("CPU has no vmx/svm flags: hardware virtualization unavailable; "
          + "KVM modules cannot be loaded (use emulation: check_virt allow_emulation)");
    };
    List<String> loaded = p.words("loaded");
    List<Step> steps = new ArrayList<>();
    List<String> did = new ArrayList<>();

    boolean nested = params.bool("nested");
    String nestedConf = "options " + module + " nested=1\n";
    if (nested && !(p.is("nested_conf", "present") && p.body("nested_conf").equals(nestedConf))) {
      steps.add(upload(NESTED_CONF, nestedConf));
      did.add("wrote " + NESTED_CONF);
    }
    String loadConf = "# Written by Hawser (load_kvm_modules)\nkvm\n" + module + "\n";
    if (params.bool("persist") && !(p.is("load_conf", "present") && p.body("load_conf").equals(loadConf))) {
      steps.add(upload(LOAD_CONF, loadConf));
      did.add("wrote " + LOAD_CONF);
    }
    boolean nestedOn = p.value("nested").matches("[Yy1]");
    if (!loaded.contains("kvm") || !loaded.contains(module)) {
      steps.add(new Step.Run(Sh.cmd("modprobe", "kvm") + " && " + Sh.cmd("modprobe", module)));
      did.add("loaded " + module);
    } else if (nested && !nestedOn) {
      // The parameter only takes effect on load, and a module in use cannot be unloaded.
      steps.add(new Step.Run(Sh.cmd("modprobe", "-r", module) + " || { echo "
          + Sh.quote(module + " is in use (running guests?): nested virtualization takes effect once "
              + "they stop and the module is reloaded, or after a reboot") + " >&2; exit 1; }; "
          + Sh.cmd("modprobe", module)));
      did.add("reloaded " + module + " with nested=1");
    }
    Map<String, Object> data = Map.of("module", module, "loaded", loaded, "nested", nested || nestedOn);
    if (steps.isEmpty()) {
      return new Change.None("kvm and " + module + " are loaded", data);
    }
    return new Change.Pending(steps, List.of(), String.join(", ", did), data);
  }

  private static Step.Upload upload(String path, String content) {
    return new Step.Upload(path, content.getBytes(StandardCharsets.UTF_8), "0644", "root", "root");
  }
}
