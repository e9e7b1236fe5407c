package dev.hawser.engine.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/** YAML reading with file:line errors; timestamps stay strings as templates see them. */
final class YamlFiles {

  private YamlFiles() {
  }

  static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new InventoryException(file + ": cannot read: " + e.getMessage());
    }
  }

  /** The node tree of a document, or null for an empty one. */
  static Node compose(Path file, String text) {
    rejectVault(file, text);
    try {
      return new Yaml(new ValueConstructor()).compose(new java.io.StringReader(text));
    } catch (YAMLException e) {
      throw error(file, e);
    }
  }

  /** Builds plain Java values (maps, lists, strings, numbers, booleans) from a node. */
  static Object value(Path file, Node node) {
    try {
      return new ValueConstructor().valueOf(node);
    } catch (YAMLException e) {
      throw error(file, e);
    }
  }

  /** A group_vars/host_vars file: must hold a mapping (or nothing). */
  static Map<String, Object> readVars(Path file) {
    Node node = compose(file, readText(file));
    if (node == null) {
      return Map.of();
    }
    if (!(value(file, node) instanceof Map<?, ?> map)) {
      throw InventoryException.at(file, line(node), "vars file must contain a mapping of variable names to values");
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    map.forEach((k, v) -> vars.put(String.valueOf(k), v));
    return vars;
  }

  static int line(Node node) {
    return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
  }

  private static void rejectVault(Path file, String text) {
    if (text.startsWith("$ANSIBLE_VAULT;")) {
      throw InventoryException.at(file, 1, "vault-encrypted files are not supported");
    }
  }

  private static InventoryException error(Path file, YAMLException e) {
    if (e instanceof MarkedYAMLException marked) {
      Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      String problem = marked.getProblem() != null ? marked.getProblem() : marked.getContext();
      int line = mark == null ? 1 : mark.getLine() + 1;
      return InventoryException.at(file, line, "invalid YAML: " + oneLine(problem));
    }
    return InventoryException.at(file, 1, "invalid YAML: " + oneLine(e.getMessage()));
  }

  private static String oneLine(String text) {
    return text == null ? "unknown problem" : text.replaceAll("\\s+", " ").trim();
  }

  private static final class ValueConstructor extends SafeConstructor {
    ValueConstructor() {
      super(new LoaderOptions());
      yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }

    Object valueOf(Node node) {
      return constructObject(node);
    }
  }
}
