package dev.hawser.engine.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The output of ansible-inventory --list (optionally --export) and --graph, byte for byte where possible. */
public final class InventoryJson {

  /** Ansible's INTERNAL_VARS that ansible-inventory leaves out of hostvars. */
  private static final Set<String> INTERNAL_VARS = Set.of("ansible_diff_mode", "ansible_config_file", "ansible_facts",
      "ansible_forks", "ansible_inventory_sources", "ansible_limit", "ansible_playbook_python", "ansible_run_tags",
      "ansible_skip_tags", "ansible_verbosity", "ansible_version", "inventory_dir", "inventory_file",
      "inventory_hostname", "inventory_hostname_short", "groups", "group_names", "omit", "playbook_dir");

  /** Python's json.dumps(indent=4, sort_keys=True) layout. */
  private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter(
      Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
      .withObjectIndenter(new DefaultIndenter("    ", "\n"))
      .withArrayIndenter(new DefaultIndenter("    ", "\n")));

  private InventoryJson() {
  }

  /** Like ansible-inventory --list: merged hostvars under _meta, groups with their hosts and children. */
  public static String list(Inventory inventory) {
    return list(inventory, false);
  }

  /** With export, like --list --export: unmerged host vars, and each group's own vars (inline plus group_vars). */
  public static String list(Inventory inventory, boolean export) {
    List<Host> hosts = inventory.all().allHosts();
    Set<String> available = new HashSet<>();
    hosts.forEach(h -> available.add(h.name()));
    Map<String, Object> result = new TreeMap<>();
    addGroup(inventory, inventory.all(), available, export, result, new HashSet<>());
    Map<String, Object> hostvars = new TreeMap<>();
    for (Host host : hosts) {
      Map<String, Object> vars = new TreeMap<>(export ? inventory.exportVarsFor(host) : inventory.varsFor(host));
      vars.keySet().removeAll(INTERNAL_VARS);
      if (!vars.isEmpty()) {
        hostvars.put(host.name(), vars);
      }
    }
    result.put("_meta", Map.of("hostvars", hostvars));
    return write(result);
  }

  private static void addGroup(Inventory inventory, Group group, Set<String> available, boolean export,
                 Map<String, Object> result, Set<String> seen) {
    Map<String, Object> entry = new TreeMap<>();
    if (!group.name().equals("all")) {
      List<String> hosts = group.hosts().stream().map(Host::name).filter(available::contains).toList();
      putIfNotEmpty(entry, "hosts", hosts);
    }
    List<String> children = new ArrayList<>();
    for (Group child : group.children()) {
      children.add(child.name());
      if (seen.add(child.name())) {
        addGroup(inventory, child, available, export, result, seen);
      }
    }
    putIfNotEmpty(entry, "children", children);
    if (export) {
      putIfNotEmpty(entry, "vars", inventory.exportVarsFor(group));
    }
    if (!entry.isEmpty()) {
      result.put(group.name(), entry);
    }
  }

  private static void putIfNotEmpty(Map<String, Object> entry, String key, Object value) {
    boolean empty = value instanceof Collection<?> c ? c.isEmpty() : ((Map<?, ?>) value).isEmpty();
    if (!empty) {
      entry.put(key, value);
    }
  }

  /** Like ansible-inventory --graph GROUP: children first, then the group's own hosts. */
  public static String graph(Inventory inventory, String group) {
    Group top = inventory.group(group)
        .orElseThrow(() -> new InventoryException("Pattern must be valid group name when using --graph: " + group));
    StringBuilder out = new StringBuilder();
    graph(top, 0, out);
    return out.toString();
  }

  public static String graph(Inventory inventory) {
    return graph(inventory, "all");
  }

  private static void graph(Group group, int depth, StringBuilder out) {
    line(out, depth, "@" + group.name() + ":");
    for (Group child : group.children()) {
      graph(child, depth + 1, out);
    }
    if (!group.name().equals("all")) {
      group.hosts().forEach(h -> line(out, depth + 1, h.name()));
    }
  }

  private static void line(StringBuilder out, int depth, String name) {
    out.append(depth == 0 ? "" : "  |".repeat(depth) + "--").append(name).append('\n');
  }

  private static String write(Object value) {
    try {
      return WRITER.writeValueAsString(sorted(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write inventory JSON", e);
    }
  }

  /** Maps become key-sorted with string keys (as Python's sort_keys), nested all the way down. */
  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new TreeMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), sorted(v)));
      return copy;
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(InventoryJson::sorted).toList();
    }
    return value;
  }
}
