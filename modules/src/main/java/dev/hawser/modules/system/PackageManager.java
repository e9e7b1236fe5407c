package dev.hawser.modules.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How one package manager reads what is installed and which commands change it. */
interface PackageManager {
  String name();

  /** A command printing sections that {@link #inventory} understands; {@code latest} also reads updates. */
  String read(List<String> names, boolean latest);

  Inventory inventory(Map<String, List<String>> sections, List<String> names);

  String refresh();

  String install(List<String> names);

  String upgrade(List<String> names);

  String remove(List<String> names);

  /** Commands for state=latest: install the {@code missing} ones, upgrade the rest of {@code changed}. */
  default List<String> ensureLatest(List<String> changed, List<String> missing) {
    List<String> commands = new ArrayList<>();
    List<String> outdated = changed.stream().filter(n -> !missing.contains(n)).toList();
    if (!missing.isEmpty()) {
      commands.add(install(missing));
    }
    if (!outdated.isEmpty()) {
      commands.add(upgrade(outdated));
    }
    return commands;
  }

  /**
   * What the host has, by requested name (as written in the task, version pins included).
   * {@code cacheAgeSeconds} is null when the manager does not know it.
   */
  record Inventory(List<String> satisfied, List<String> removable, List<String> outdated,
      Long cacheAgeSeconds) {}
}
