package dev.hawser.engine.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A loaded inventory: hosts in definition order, groups in creation order, and the vars files around it. */
public final class Inventory {

  static final Set<String> LOCALHOST_NAMES = Set.of("localhost", "127.0.0.1", "::1");

  private final Map<String, Host> hosts;
  private final Map<String, Group> groups;
  private final List<VarsDir> inventoryVarsDirs;
  private final List<VarsDir> playbookVarsDirs;
  private final List<String> warnings;
  private final Host localhost;
  private final Map<String, List<String>> groupHostNames;

  Inventory(Map<String, Host> hosts, Map<String, Group> groups, List<VarsDir> inventoryVarsDirs,
       List<VarsDir> playbookVarsDirs, List<String> warnings) {
    this.hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    this.inventoryVarsDirs = List.copyOf(inventoryVarsDirs);
    this.playbookVarsDirs = List.copyOf(playbookVarsDirs);
    this.warnings = List.copyOf(warnings);
    this.localhost = hosts.values().stream()
        .filter(h -> LOCALHOST_NAMES.contains(h.name()))
        .findFirst()
        .orElseGet(Inventory::implicitLocalhost);
    Map<String, List<String>> names = new LinkedHashMap<>();
    this.groups.values().forEach(g -> names.put(g.name(), g.allHosts().stream().map(Host::name).toList()));
    this.groupHostNames = Collections.unmodifiableMap(names);
  }

  private static Host implicitLocalhost() {
    Host host = new Host("localhost", null, true);
    host.setVar("ansible_connection", "local");
    return host;
  }

  /** All defined hosts in definition order (never the implicit localhost). */
  public List<Host> hosts() {
    return new ArrayList<>(hosts.values());
  }

  /** All groups in creation order, starting with all and ungrouped. */
  public List<Group> groups() {
    return new ArrayList<>(groups.values());
  }

  public Optional<Host> host(String name) {
    return Optional.ofNullable(hosts.get(name));
  }

  public Optional<Group> group(String name) {
    return Optional.ofNullable(groups.get(name));
  }

  public Group all() {
    return groups.get("all");
  }

  public Group ungrouped() {
    return groups.get("ungrouped");
  }

  /** The first localhost-like host defined (localhost, 127.0.0.1, ::1), else the implicit one. */
  public Host localhost() {
    return localhost;
  }

  /** Non-fatal findings while loading, e.g. a name used both for a host and a group. */
  public List<String> warnings() {
    return warnings;
  }

  /** The "groups" magic variable: every group (all and ungrouped too) with the names of all its hosts. */
  public Map<String, List<String>> groupHostNames() {
    return groupHostNames;
  }

  /** Inventory-level variables of a host merged in Ansible's precedence order, plus magic vars. */
  public Map<String, Object> varsFor(Host host) {
    return new HostVars(this, inventoryVarsDirs, playbookVarsDirs).forHost(host);
  }

  /** Inline group vars plus group_vars files, as ansible-inventory --export shows them. */
  Map<String, Object> exportVarsFor(Group group) {
    return new HostVars(this, inventoryVarsDirs, playbookVarsDirs).exportGroup(group);
  }

  /** Inline host vars plus host_vars files, as ansible-inventory --export shows them. */
  Map<String, Object> exportVarsFor(Host host) {
    return new HostVars(this, inventoryVarsDirs, playbookVarsDirs).exportHost(host);
  }
}
