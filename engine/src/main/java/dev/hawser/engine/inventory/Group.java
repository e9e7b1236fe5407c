package dev.hawser.engine.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An inventory group: direct hosts, child groups and inline vars. */
public final class Group {

  private final String name;
  private final List<Host> hosts = new ArrayList<>();
  private final List<Group> children = new ArrayList<>();
  private final List<Group> parents = new ArrayList<>();
  private final Map<String, Object> vars = new LinkedHashMap<>();
  private int priority = 1;

  Group(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Hosts put directly in this group, in definition order. */
  public List<Host> hosts() {
    return Collections.unmodifiableList(hosts);
  }

  public List<Group> children() {
    return Collections.unmodifiableList(children);
  }

  public List<Group> parents() {
    return Collections.unmodifiableList(parents);
  }

  /** Inline vars from the inventory source (group_vars files are applied by Inventory.varsFor). */
  public Map<String, Object> vars() {
    return Collections.unmodifiableMap(vars);
  }

  /** ansible_group_priority; it is kept out of vars as Ansible does. */
  public int priority() {
    return priority;
  }

  /** Length of the longest path from this group up to a root (all has depth 0). */
  public int depth() {
    int depth = 0;
    for (Group parent : parents) {
      depth = Math.max(depth, parent.depth() + 1);
    }
    return depth;
  }

  /** Hosts of this group and all its descendants, in Ansible's order, without implicit hosts. */
  public List<Host> allHosts() {
    Set<Host> result = new LinkedHashSet<>();
    for (Group g : descendantsAndSelf()) {
      result.addAll(g.hosts);
    }
    result.removeIf(Host::implicit);
    return new ArrayList<>(result);
  }

  /** This group, its children, then each further generation, as Ansible walks them. */
  List<Group> descendantsAndSelf() {
    Set<Group> ordered = new LinkedHashSet<>();
    ordered.add(this);
    List<Group> level = List.of(this);
    while (!level.isEmpty()) {
      List<Group> next = new ArrayList<>();
      for (Group g : level) {
        for (Group child : g.children) {
          if (ordered.add(child)) {
            next.add(child);
          }
        }
      }
      level = next;
    }
    return new ArrayList<>(ordered);
  }

  Set<Group> ancestors() {
    Set<Group> result = new LinkedHashSet<>();
    List<Group> pending = new ArrayList<>(parents);
    while (!pending.isEmpty()) {
      Group g = pending.remove(0);
      if (result.add(g)) {
        pending.addAll(g.parents);
      }
    }
    return result;
  }

  void addHost(Host host) {
    if (!hosts.contains(host)) {
      hosts.add(host);
      host.joined(this);
    }
  }

  void removeHost(Host host) {
    hosts.remove(host);
    host.left(this);
  }

  /** Adds a child group; returns an error message instead when that would make a loop. */
  String addChild(Group child) {
    if (child == this) {
      return "can't add group " + name + " to itself";
    }
    if (ancestors().contains(child)) {
      return "adding group '" + child.name + "' as child to '" + name + "' creates a recursive dependency loop";
    }
    if (!children.contains(child)) {
      children.add(child);
      child.parents.add(this);
    }
    return null;
  }

  void setVar(String key, Object value) {
    if ("ansible_group_priority".equals(key)) {
      priority = PythonLiteral.toInt(value);
    } else {
      vars.put(key, value);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
