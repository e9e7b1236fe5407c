package dev.hawser.modules.system;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Step;
import dev.hawser.modules.system.PackageManager.Inventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The decision shared by apt, dnf and package: which names to install, upgrade or remove. */
final class PackagePlan {
  private PackagePlan() {}

  /** present, absent or latest (Ansible's installed and removed are accepted as synonyms). */
  static String normalState(String state) {
    return switch (state) {
      case "installed" -> "present";
      case "removed" -> "absent";
      default -> state;
    };
  }

  /** Reads the host with {@code pm}'s own fact, then decides. {@code refresh} asks for a cache update. */
  static Change plan(PackageManager pm, Remote host, List<String> names, String state, boolean refresh)
      throws ModuleException {
    String read = pm.read(names, state.equals("latest"));
    Inventory inv = read.isEmpty() ? new Inventory(List.of(), List.of(), List.of(), null)
        : pm.inventory(Sections.parse(host.run(read).stdout()), names);
    return decide(pm, inv, names, state, refresh);
  }

  /**
   * {@code refresh} is whether the cache is to be updated (update_cache and, if cache_valid_time is
   * set, the cache is older). The update runs only with something to install, or when no names are
   * given (changed, as Ansible). With state=latest it always runs, followed by the install, since
   * the newest versions are only known once the cache is updated.
   */
  static Change decide(PackageManager pm, Inventory inv, List<String> names, String state, boolean refresh) {
    List<String> changed = new ArrayList<>();
    List<String> commands = new ArrayList<>();
    switch (state) {
      case "absent" -> {
        changed.addAll(inv.removable());
        if (!changed.isEmpty()) {
          commands.add(pm.remove(changed));
        }
      }
      case "latest" -> {
        List<String> missing = names.stream().filter(n -> !inv.satisfied().contains(n)).toList();
        List<String> outdated = refresh ? inv.satisfied() : inv.outdated();
        names.stream().filter(n -> missing.contains(n) || outdated.contains(n)).forEach(changed::add);
        commands.addAll(pm.ensureLatest(changed, missing));
      }
      default -> {
        names.stream().filter(n -> !inv.satisfied().contains(n)).forEach(changed::add);
        if (!changed.isEmpty()) {
          commands.add(pm.install(changed));
        }
      }
    }
    boolean updateCache = refresh && (!commands.isEmpty() || names.isEmpty());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("packages", changed);
    data.put("cache_updated", updateCache);
    data.put("package_manager", pm.name());
    if (commands.isEmpty() && !updateCache) {
      return new Change.None("", data);
    }
    List<Step> steps = new ArrayList<>();
    if (updateCache) {
      steps.add(new Step.Run(pm.refresh()));
    }
    commands.forEach(c -> steps.add(new Step.Run(c)));
    String verb = state.equals("absent") ? "remove" : state.equals("latest") ? "install or upgrade" : "install";
    String msg = changed.isEmpty() ? "update the package cache" : verb + " " + String.join(", ", changed);
    return new Change.Pending(steps, List.of(), msg, data);
  }
}
