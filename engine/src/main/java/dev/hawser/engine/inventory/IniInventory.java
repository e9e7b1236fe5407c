package dev.hawser.engine.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ansible's INI inventory format, including its late declaration of groups named in :children. */
final class IniInventory {

  private static final Pattern SECTION = Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?]\\s*(?:#.*)?$");
  private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$");

  private final Path file;
  private final InventoryBuilder inventory;
  /** Groups referenced in [x:children] or [x:vars] before being declared, in first-seen order. */
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private int lineNo;

  private record Pending(int line, String state, List<String> parents) {
  }

  private IniInventory(Path file, InventoryBuilder inventory) {
    this.file = file;
    this.inventory = inventory;
  }

  static void parse(Path file, String text, InventoryBuilder inventory) {
    new IniInventory(file, inventory).parse(text);
  }

  private void parse(String text) {
    String group = "ungrouped";
    String state = "hosts";
    for (String raw : text.split("\r?\n|\r", -1)) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
        continue;
      }
      Matcher section = SECTION.matcher(line);
      if (section.matches()) {
        group = section.group(1);
        state = section.group(2) == null ? "hosts" : section.group(2);
        startSection(group, state);
      } else if (line.startsWith("[") && line.endsWith("]")) {
        throw error("invalid section entry: '" + line + "'; make sure there are no spaces or other invalid characters in it");
      } else if (line.startsWith("[") && !line.contains("]")) {
        throw error("unclosed section header '" + line + "'");
      } else if (state.equals("hosts")) {
        hostLine(inventory.group(group), line);
      } else if (state.equals("children")) {
        childLine(group, line);
      } else {
        varLine(inventory.group(group), line);
      }
    }
    for (Map.Entry<String, Pending> entry : pending.entrySet()) {
      Pending p = entry.getValue();
      lineNo = p.line();
      throw p.state().equals("vars")
          ? error("Section [" + entry.getKey() + ":vars] not valid for undefined group: " + entry.getKey())
          : error("Section [" + p.parents().get(p.parents().size() - 1) + ":children] includes undefined group: "
              + entry.getKey());
    }
  }

  private void startSection(String group, String state) {
    if (!List.of("hosts", "children", "vars").contains(state)) {
      throw error("Section [" + group + ":" + state + "] has unknown type: " + state);
    }
    if (!inventory.hasGroup(group)) {
      if (state.equals("vars") && !pending.containsKey(group)) {
        pending.put(group, new Pending(lineNo, state, new ArrayList<>()));
      }
      inventory.group(group);
    }
    Pending waiting = pending.get(group);
    if (waiting != null && !state.equals("vars")) {
      if (waiting.state().equals("children")) {
        addPendingChildren(group);
      } else {
        pending.remove(group);
      }
    }
  }

  private void addPendingChildren(String group) {
    for (String parent : pending.get(group).parents()) {
      addChild(parent, group);
      Pending parentPending = pending.get(parent);
      if (parentPending != null && parentPending.state().equals("children")) {
        addPendingChildren(parent);
      }
    }
    pending.remove(group);
  }

  private void hostLine(Group group, String line) {
    List<String> tokens;
    try {
      tokens = ShellWords.split(line);
    } catch (IllegalArgumentException e) {
      throw error("Error parsing host definition '" + line + "': " + e.getMessage());
    }
    if (tokens.isEmpty()) {
      return;
    }
    String pattern = tokens.get(0);
    HostRanges.Address address = HostRanges.parseAddress(pattern);
    if (pattern.strip().endsWith(":") && address.port() == null) {
      throw error("Invalid host pattern '" + pattern + "' supplied, ending in ':' is not allowed, "
          + "this character is reserved to provide a port");
    }
    List<String> names = expand(address.name());
    if (names.stream().anyMatch(n -> n.strip().equals("---"))) {
      throw error("Invalid host pattern '" + pattern + "' supplied, '---' is normally a sign this is a YAML file");
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    for (String token : tokens.subList(1, tokens.size())) {
      int eq = token.indexOf('=');
      if (eq < 0) {
        throw error("Expected key=value host variable assignment, got: " + token);
      }
      vars.put(token.substring(0, eq), PythonLiteral.parse(token.substring(eq + 1)));
    }
    for (String name : names) {
      Host host = inventory.host(name, group, address.port(), file);
      vars.forEach(host::setVar);
    }
  }

  private void childLine(String group, String line) {
    Matcher m = GROUP_NAME.matcher(line);
    if (!m.matches()) {
      throw error("Expected group name, got: " + line);
    }
    String child = m.group(1);
    if (inventory.hasGroup(child)) {
      addChild(group, child);
    } else {
      pending.computeIfAbsent(child, c -> new Pending(lineNo, "children", new ArrayList<>())).parents().add(group);
    }
  }

  private void varLine(Group group, String line) {
    int eq = line.indexOf('=');
    if (eq < 0) {
      throw error("Expected key=value, got: " + line);
    }
    try {
      group.setVar(line.substring(0, eq).strip(), PythonLiteral.parse(line.substring(eq + 1).strip()));
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  private void addChild(String parent, String child) {
    String problem = inventory.group(parent).addChild(inventory.group(child));
    if (problem != null) {
      throw error(problem);
    }
  }

  private List<String> expand(String name) {
    try {
      return HostRanges.expand(name);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  private InventoryException error(String message) {
    return InventoryException.at(file, lineNo, message);
  }
}
