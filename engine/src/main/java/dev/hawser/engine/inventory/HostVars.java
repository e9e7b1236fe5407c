package dev.hawser.engine.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's inventory variable precedence (default VARIABLE_PRECEDENCE), lowest first:
 * all inline, other groups inline, group_vars/all beside inventory then playbook,
 * group_vars/GROUP beside inventory then playbook, host inline, host_vars beside inventory then playbook.
 * Groups are applied by depth, then ansible_group_priority, then name.
 */
final class HostVars {

  static final Comparator<Group> GROUP_ORDER = Comparator.comparingInt(Group::depth)
      .thenComparingInt(Group::priority)
      .thenComparing(Group::name);

  private final Inventory inventory;
  private final List<VarsDir> inventoryDirs;
  private final List<VarsDir> playbookDirs;

  HostVars(Inventory inventory, List<VarsDir> inventoryDirs, List<VarsDir> playbookDirs) {
    this.inventory = inventory;
    this.inventoryDirs = inventoryDirs;
    this.playbookDirs = playbookDirs;
  }

  Map<String, Object> forHost(Host host) {
    Group all = inventory.all();
    List<Group> groups = new ArrayList<>(host.memberOf());
    groups.remove(all);
    groups.sort(GROUP_ORDER);

    Map<String, Object> vars = new LinkedHashMap<>(all.vars());
    groups.forEach(g -> vars.putAll(g.vars()));
    inventoryDirs.forEach(d -> vars.putAll(d.groupVars("all")));
    playbookDirs.forEach(d -> vars.putAll(d.groupVars("all")));
    for (VarsDir dir : inventoryDirs) {
      groups.forEach(g -> vars.putAll(dir.groupVars(g.name())));
    }
    for (VarsDir dir : playbookDirs) {
      groups.forEach(g -> vars.putAll(dir.groupVars(g.name())));
    }
    if (!host.implicit()) {
      Path source = host.source();
      vars.put("inventory_file", source == null ? null : source.toString());
      vars.put("inventory_dir", source == null || source.getParent() == null ? null : source.getParent().toString());
    }
    vars.putAll(host.vars());
    inventoryDirs.forEach(d -> vars.putAll(d.hostVars(host.name())));
    playbookDirs.forEach(d -> vars.putAll(d.hostVars(host.name())));

    vars.put("inventory_hostname", host.name());
    vars.put("inventory_hostname_short", host.name().split("\\.", -1)[0]);
    vars.put("group_names", groups.stream().map(Group::name).sorted().toList());
    vars.put("groups", inventory.groupHostNames());
    return vars;
  }

  Map<String, Object> exportGroup(Group group) {
    Map<String, Object> vars = new LinkedHashMap<>(group.vars());
    inventoryDirs.forEach(d -> vars.putAll(d.groupVars(group.name())));
    playbookDirs.forEach(d -> vars.putAll(d.groupVars(group.name())));
    if (group.priority() != 1) {
      vars.put("ansible_group_priority", group.priority());
    }
    return vars;
  }

  Map<String, Object> exportHost(Host host) {
    Map<String, Object> vars = new LinkedHashMap<>(host.vars());
    inventoryDirs.forEach(d -> vars.putAll(d.hostVars(host.name())));
    playbookDirs.forEach(d -> vars.putAll(d.hostVars(host.name())));
    return vars;
  }
}
