package dev.hawser.modules.system;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.TaskModule;
import dev.hawser.modules.system.PackageManager.Inventory;
import java.util.List;

/** Debian/Ubuntu packages with apt-get: install, upgrade or remove only what differs. */
public final class AptModule implements TaskModule {
  @Override
  public String name() {
    return "apt";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.apt");
  }

  @Override
  public String summary() {
    return "Manages apt packages (Debian, Ubuntu)";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.list("name").aliases("pkg", "package").doc("packages; name=1.2* pins a version"),
        Param.choice("state", "present", "absent", "latest", "installed", "removed").defaultTo("present"),
        Param.bool("update_cache").aliases("update-cache").doc("run apt-get update first"),
        Param.integer("cache_valid_time").defaultTo(0).doc("skip the update if the cache is younger (seconds)"),
        Param.of("install_recommends", Param.Type.BOOL).aliases("install-recommends")
            .doc("unset: apt's configuration decides"),
        Param.bool("purge").doc("also remove configuration files"))
        .requireOneOf("name", "update_cache");
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    List<String> names = params.strings("name");
    String state = PackagePlan.normalState(params.str("state"));
    if (state.equals("latest")) {
      for (String n : names) {
        if (n.contains("=")) {
          throw new ModuleException("version pin " + n + " cannot be used with state=latest");
        }
      }
    }
    boolean updateCache = params.bool("update_cache");
    int validTime = params.integer("cache_valid_time");
    Boolean recommends = params.has("install_recommends") ? params.bool("install_recommends") : null;
    AptManager apt = new AptManager(recommends, params.bool("purge"), updateCache && validTime > 0);
    String read = apt.read(names, state.equals("latest"));
    Inventory inv = read.isEmpty() ? new Inventory(List.of(), List.of(), List.of(), null)
        : apt.inventory(Sections.parse(host.run(read).stdout()), names);
    boolean refresh = updateCache
        && (validTime <= 0 || inv.cacheAgeSeconds() == null || inv.cacheAgeSeconds() > validTime);
    return PackagePlan.decide(apt, inv, names, state, refresh);
  }
}
