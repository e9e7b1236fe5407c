package dev.hawser.modules.system;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.TaskModule;
import java.util.List;

/** Fedora/RHEL packages with dnf: install, upgrade or remove only what differs. */
public final class DnfModule implements TaskModule {
  @Override
  public String name() {
    return "dnf";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.dnf");
  }

  @Override
  public String summary() {
    return "Manages dnf packages (Fedora, RHEL)";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.list("name").aliases("pkg"),
        Param.choice("state", "present", "absent", "latest", "installed", "removed").defaultTo("present"),
        Param.bool("update_cache").aliases("expire-cache").doc("run dnf makecache first"))
        .requireOneOf("name", "update_cache");
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    return PackagePlan.plan(LoopManager.dnf(), host, params.strings("name"),
        PackagePlan.normalState(params.str("state")), params.bool("update_cache"));
  }
}
