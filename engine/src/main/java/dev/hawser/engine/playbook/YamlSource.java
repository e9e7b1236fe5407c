package dev.hawser.engine.playbook;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML file read into plain maps, lists and scalars, remembering where each map and list and
 * each map key was written, so errors can name file:line:column.
 */
public final class YamlSource {
  private final Path file;
  private final Object root;
  private final Map<Object, Position> positions = new IdentityHashMap<>();
  private final Map<Object, Map<String, Position>> keyPositions = new IdentityHashMap<>();
  private final Map<Object, List<Position>> itemPositions = new IdentityHashMap<>();
  private final ScalarReader scalars = new ScalarReader();

  private YamlSource(Path file, Node node) {
    this.file = file;
    this.root = node == null ? null : convert(node);
  }

  public static YamlSource load(Path file) throws PlaybookException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PlaybookException(file + ": cannot read: " + e.getMessage());
    }
    return parse(file, text);
  }

  public static YamlSource parse(Path file, String text) throws PlaybookException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    try (Reader r = new java.io.StringReader(text)) {
      return new YamlSource(file, yaml.compose(r));
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null) {
        problem = e.getContext() + ": " + problem;
      }
      throw new PlaybookException(at(file, m), "invalid YAML: " + problem.replace('\n', ' '));
    } catch (YAMLException | IOException e) {
      throw new PlaybookException(file + ": invalid YAML: " + String.valueOf(e.getMessage()).replace('\n', ' '));
    }
  }

  public Path file() {
    return file;
  }

  public Object root() {
    return root;
  }

  /** Where a map or list (by identity) was written; the file's start when unknown. */
  public Position positionOf(Object node) {
    Position p = node == null ? null : positions.get(node);
    return p == null ? new Position(file, 1, 1) : p;
  }

  /** Where {@code key} of {@code map} was written, else where the map was. */
  public Position positionOf(Object map, String key) {
    Map<String, Position> keys = keyPositions.get(map);
    Position p = keys == null ? null : keys.get(key);
    return p == null ? positionOf(map) : p;
  }

  /** Where item {@code index} of {@code list} was written (scalars too), else where the list was. */
  public Position positionOfItem(Object list, int index) {
    List<Position> items = itemPositions.get(list);
    return items == null || index >= items.size() ? positionOf(list) : items.get(index);
  }

  private static Position at(Path file, Mark m) {
    return m == null ? new Position(file, 1, 1) : new Position(file, m.getLine() + 1, m.getColumn() + 1);
  }

  private Object convert(Node node) {
    if (node instanceof MappingNode m) {
      Map<String, Object> map = new LinkedHashMap<>();
      Map<String, Position> keys = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        Object k = convert(t.getKeyNode());
        String key = String.valueOf(k);
        map.put(key, convert(t.getValueNode()));
        keys.put(key, at(file, t.getKeyNode().getStartMark()));
      }
      positions.put(map, at(file, m.getStartMark()));
      keyPositions.put(map, keys);
      return map;
    }
    if (node instanceof SequenceNode s) {
      List<Object> list = new ArrayList<>();
      List<Position> items = new ArrayList<>();
      for (Node n : s.getValue()) {
        list.add(convert(n));
        items.add(at(file, n.getStartMark()));
      }
      positions.put(list, at(file, s.getStartMark()));
      itemPositions.put(list, items);
      return list;
    }
    return scalar((ScalarNode) node);
  }

  private Object scalar(ScalarNode n) {
    return scalars.read(n);
  }

  /** Builds a scalar's Java value from its resolved tag (YAML 1.1 as Ansible: yes/no are booleans). */
  private static final class ScalarReader extends SafeConstructor {
    ScalarReader() {
      super(new LoaderOptions());
    }

    Object read(ScalarNode n) {
      Object v = constructObject(n);
      if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
        return l.intValue();
      }
      if (v instanceof java.math.BigInteger || v instanceof byte[] || v instanceof java.util.Date) {
        return n.getValue();
      }
      return v;
    }
  }
}
