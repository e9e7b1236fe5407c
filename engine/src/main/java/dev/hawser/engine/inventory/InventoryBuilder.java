package dev.hawser.engine.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mutable inventory data the parsers fill in, mirroring Ansible's InventoryData. */
final class InventoryBuilder {

  private final Map<String, Host> hosts = new LinkedHashMap<>();
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  InventoryBuilder() {
    group("all");
    group("ungrouped");
    group("all").addChild(group("ungrouped"));
  }

  Group group(String name) {
    return groups.computeIfAbsent(name, Group::new);
  }

  boolean hasGroup(String name) {
    return groups.containsKey(name);
  }

  /** Adds (or finds) a host and puts it in the group; a port only counts when the host is new. */
  Host host(String name, Group group, Integer port, Path source) {
    Host host = hosts.get(name);
    if (host == null) {
      host = new Host(name, source, false);
      if (port != null) {
        host.setVar("ansible_port", port);
      }
      hosts.put(name, host);
    }
    if (group != null) {
      group.addHost(host);
    }
    return host;
  }

  void warn(String message) {
    warnings.add(message);
  }

  /** Ansible's reconcile_inventory: orphan groups go under all, group-less hosts into ungrouped. */
  Inventory build(List<VarsDir> inventoryVarsDirs, List<VarsDir> playbookVarsDirs) {
    Group all = group("all");
    Group ungrouped = group("ungrouped");
    for (Group g : groups.values()) {
      if (g != all && g.parents().isEmpty()) {
        all.addChild(g);
      }
    }
    for (Host host : hosts.values()) {
      Set<Group> member = host.memberOf();
      if (member.contains(ungrouped)) {
        if (member.stream().anyMatch(g -> g != all && g != ungrouped)) {
          ungrouped.removeHost(host);
        }
      } else if (member.isEmpty() || member.equals(Set.of(all))) {
        ungrouped.addHost(host);
      }
      if (groups.containsKey(host.name())) {
        warn("Found both group and host with same name: " + host.name());
      }
    }
    return new Inventory(hosts, groups, inventoryVarsDirs, playbookVarsDirs, warnings);
  }

  List<String> groupNames() {
    return new ArrayList<>(groups.keySet());
  }

  List<String> hostNames() {
    List<String> names = new ArrayList<>(hosts.keySet());
    Inventory.LOCALHOST_NAMES.stream().filter(n -> !hosts.containsKey(n)).forEach(names::add);
    return names;
  }
}
