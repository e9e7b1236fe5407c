package dev.hawser.cli;

import dev.hawser.engine.exec.HostSource;
import dev.hawser.engine.inventory.Host;
import dev.hawser.engine.inventory.HostPattern;
import dev.hawser.engine.inventory.Inventory;
import dev.hawser.engine.inventory.InventoryException;
import dev.hawser.engine.inventory.InventoryLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The loaded inventory, with --limit applied, as the executor sees it. */
final class InventoryHosts implements HostSource {
  private final Inventory inventory;
  private final String limit;
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, Host> selected = new java.util.concurrent.ConcurrentHashMap<>();

  private InventoryHosts(Inventory inventory, String limit) {
    this.inventory = inventory;
    this.limit = limit;
    warnings.addAll(inventory.warnings());
  }

  /** No -i: Ansible's default, /etc/ansible/hosts when it exists, else only the implicit localhost. */
  static InventoryHosts load(List<String> sources, Path playbookDir, String limit) throws CliException {
    List<String> effective = new ArrayList<>(sources);
    if (effective.isEmpty()) {
      String env = System.getenv("ANSIBLE_INVENTORY");
      if (env != null && !env.isBlank()) {
        effective.addAll(List.of(env.split(",")));
      } else if (Path.of("/etc/ansible/hosts").toFile().isFile()) {
        effective.add("/etc/ansible/hosts");
      }
    }
    for (String s : effective) {
      if (!s.contains(",") && !Path.of(s).toFile().exists()) {
        throw new CliException("inventory " + s + " could not be found");
      }
    }
    try {
      return new InventoryHosts(new InventoryLoader().load(effective, playbookDir), limit);
    } catch (InventoryException e) {
      throw new CliException(e.getMessage());
    }
  }

  Inventory inventory() {
    return inventory;
  }

  List<String> warnings() {
    return warnings;
  }

  @Override
  public List<String> select(String pattern) {
    List<Host> hosts = HostPattern.select(inventory, pattern);
    if (limit != null) {
      hosts = HostPattern.limit(inventory, hosts, limit);
    }
    hosts.forEach(h -> selected.put(h.name(), h));
    return hosts.stream().map(Host::name).toList();
  }

  @Override
  public Map<String, Object> varsFor(String host) {
    return inventory.varsFor(selected.get(host));
  }
}
