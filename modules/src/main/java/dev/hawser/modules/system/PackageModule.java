package dev.hawser.modules.system;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.TaskModule;
import java.util.List;
import java.util.Map;

/**
 * Packages with whatever manager the host has. One command finds the manager and reads what is
 * installed with it; the decision is the same as apt's and dnf's.
 */
public final class PackageModule implements TaskModule {
  private static final List<PackageManager> MANAGERS = List.of(new AptManager(null, false, false),
      LoopManager.dnf(), LoopManager.yum(), LoopManager.zypper(), LoopManager.apk());

  @Override
  public String name() {
    return "package";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.package");
  }

  @Override
  public String summary() {
    return "Manages packages with the host's package manager (apt, dnf, yum, zypper, apk)";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.list("name").aliases("pkg").required(),
        Param.choice("state", "present", "absent", "latest", "installed", "removed").defaultTo("present"),
        Param.bool("update_cache").doc("refresh the package cache first"));
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    List<String> names = params.strings("name");
    String state = PackagePlan.normalState(params.str("state"));
    boolean latest = state.equals("latest");
    StringBuilder detect = new StringBuilder();
    for (PackageManager pm : MANAGERS) {
      String binary = pm.name().equals("apt") ? "apt-get" : pm.name();
      String read = pm.read(names, latest);
      detect.append(detect.length() == 0 ? "if" : " elif").append(" command -v ").append(binary)
          .append(" >/dev/null 2>&1; then ").append(Sections.marker("manager")).append("; echo ")
          .append(pm.name()).append(read.isEmpty() ? ";" : "; " + read + ";");
    }
    detect.append(" else ").append(Sections.marker("manager")).append("; echo none; fi");
    Map<String, List<String>> sections = Sections.parse(host.run(detect.toString()).stdout());
    String found = Sections.first(sections, "manager");
    for (PackageManager pm : MANAGERS) {
      if (pm.name().equals(found)) {
        return PackagePlan.decide(pm, pm.inventory(sections, names), names, state,
            params.bool("update_cache"));
      }
    }
    throw new ModuleException("no supported package manager found on " + host.name()
        + " (looked for apt-get, dnf, yum, zypper, apk)");
  }
}
