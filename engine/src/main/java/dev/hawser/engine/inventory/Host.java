package dev.hawser.engine.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An inventory host with the variables set directly on it in inventory sources. */
public final class Host {

  private final String name;
  private final Path source;
  private final boolean implicit;
  private final Map<String, Object> vars = new LinkedHashMap<>();
  private final List<Group> groups = new ArrayList<>();

  Host(String name, Path source, boolean implicit) {
    this.name = name;
    this.source = source;
    this.implicit = implicit;
  }

  public String name() {
    return name;
  }

  /** Variables defined inline for this host (not group vars, not host_vars files). */
  public Map<String, Object> vars() {
    return Collections.unmodifiableMap(vars);
  }

  /** Groups this host was put in directly, in the order it was added. */
  public List<Group> groups() {
    return Collections.unmodifiableList(groups);
  }

  /** True for the localhost Ansible makes up when the inventory does not define one. */
  public boolean implicit() {
    return implicit;
  }

  /** The inventory file that first defined this host; null for host lists and the implicit localhost. */
  public Path source() {
    return source;
  }

  /** Direct groups plus all their ancestors, including all. */
  public Set<Group> memberOf() {
    Set<Group> result = new LinkedHashSet<>();
    for (Group g : groups) {
      result.add(g);
      result.addAll(g.ancestors());
    }
    return result;
  }

  void setVar(String key, Object value) {
    vars.put(key, value);
  }

  void joined(Group group) {
    if (!groups.contains(group)) {
      groups.add(group);
    }
  }

  void left(Group group) {
    groups.remove(group);
  }

  @Override
  public String toString() {
    return name;
  }
}
