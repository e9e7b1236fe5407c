package dev.hawser.engine.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Ansible's YAML inventory format: top-level keys are groups with hosts, vars and children. */
final class YamlInventory {

  private final Path file;
  private final InventoryBuilder inventory;

  private YamlInventory(Path file, InventoryBuilder inventory) {
    this.file = file;
    this.inventory = inventory;
  }

  /** True when the document is a mapping, i.e. worth reading as a YAML inventory. */
  static boolean looksLikeYaml(Path file, String text) {
    try {
      return YamlFiles.compose(file, text) instanceof MappingNode;
    } catch (InventoryException notYaml) {
      return false;
    }
  }

  static void parse(Path file, String text, InventoryBuilder inventory) {
    Node root = YamlFiles.compose(file, text);
    if (root == null) {
      throw InventoryException.at(file, 1, "parsed empty YAML file");
    }
    if (!(root instanceof MappingNode top)) {
      throw InventoryException.at(file, YamlFiles.line(root), "YAML inventory has invalid structure, it should be a dictionary");
    }
    YamlInventory parser = new YamlInventory(file, inventory);
    for (NodeTuple entry : top.getValue()) {
      if ("plugin".equals(parser.key(entry))) {
        throw parser.error(entry.getKeyNode(), "this is an inventory plugin configuration, which is not supported");
      }
    }
    for (NodeTuple entry : top.getValue()) {
      parser.group(parser.key(entry), entry.getValueNode());
    }
  }

  private Group group(String name, Node data) {
    if (!isMappingOrNull(data)) {
      inventory.warn(file + ":" + YamlFiles.line(data) + ": skipping '" + name + "' as this is not a valid group definition");
      return null;
    }
    Group group = inventory.group(name);
    if (isNull(data)) {
      return group;
    }
    for (NodeTuple entry : ((MappingNode) data).getValue()) {
      String section = key(entry);
      Node value = entry.getValueNode();
      if (!List.of("vars", "children", "hosts").contains(section)) {
        inventory.warn(file + ":" + YamlFiles.line(entry.getKeyNode()) + ": skipping unexpected key (" + section
            + ") in group (" + name + "), only \"vars\", \"children\" and \"hosts\" are valid");
      } else if (value instanceof ScalarNode scalar && !isNull(value)) {
        section(group, section, Map.of(scalar.getValue(), ""), null);
      } else if (!isMappingOrNull(value)) {
        throw error(value, "invalid \"" + section + "\" entry for \"" + name + "\" group, requires a dictionary");
      } else if (!isNull(value)) {
        section(group, section, null, (MappingNode) value);
      }
    }
    return group;
  }

  /** Handles one section, given either as a single name (shorthand) or as a mapping node. */
  private void section(Group group, String section, Map<String, String> single, MappingNode mapping) {
    if (single != null) {
      String name = single.keySet().iterator().next();
      switch (section) {
        case "hosts" -> addHosts(group, name, null);
        case "children" -> addChild(group, group(name, null), null);
        default -> throw error(null, "invalid \"vars\" entry for \"" + group.name() + "\" group, requires a dictionary");
      }
      return;
    }
    for (NodeTuple entry : mapping.getValue()) {
      String name = key(entry);
      Node value = entry.getValueNode();
      switch (section) {
        case "vars" -> setVar(group, entry.getKeyNode(), name, YamlFiles.value(file, value));
        case "children" -> addChild(group, group(name, value), entry.getKeyNode());
        default -> addHosts(group, name, value);
      }
    }
  }

  private void addHosts(Group group, String pattern, Node varsNode) {
    Object vars = varsNode == null ? null : YamlFiles.value(file, varsNode);
    if (vars != null && !(vars instanceof Map)) {
      throw error(varsNode, "invalid data for host '" + pattern + "', expected a dictionary of variables");
    }
    HostRanges.Address address = HostRanges.parseAddress(pattern);
    List<String> names;
    try {
      names = HostRanges.expand(address.name());
    } catch (IllegalArgumentException e) {
      throw error(varsNode, e.getMessage());
    }
    for (String name : names) {
      Host host = inventory.host(name, group, address.port(), file);
      if (vars != null) {
        ((Map<?, ?>) vars).forEach((k, v) -> host.setVar(String.valueOf(k), v));
      }
    }
  }

  private void addChild(Group parent, Group child, Node at) {
    if (child == null) {
      return;
    }
    String problem = parent.addChild(child);
    if (problem != null) {
      throw error(at, problem);
    }
  }

  private void setVar(Group group, Node at, String key, Object value) {
    try {
      group.setVar(key, value);
    } catch (IllegalArgumentException e) {
      throw error(at, e.getMessage());
    }
  }

  private String key(NodeTuple entry) {
    Node key = entry.getKeyNode();
    if (key instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    throw error(key, "expected a name here, found a " + key.getNodeId());
  }

  private static boolean isNull(Node node) {
    return node == null || node.getTag().getValue().endsWith(":null");
  }

  private static boolean isMappingOrNull(Node node) {
    return isNull(node) || node instanceof MappingNode;
  }

  private InventoryException error(Node at, String message) {
    return InventoryException.at(file, at == null ? 1 : YamlFiles.line(at), message);
  }
}
