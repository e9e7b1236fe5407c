package dev.hawser.engine.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The group_vars/ and host_vars/ files found beside one inventory source or playbook. */
final class VarsDir {

  private static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".json");

  private final Map<String, Map<String, Object>> groupVars;
  private final Map<String, Map<String, Object>> hostVars;

  private VarsDir(Map<String, Map<String, Object>> groupVars, Map<String, Map<String, Object>> hostVars) {
    this.groupVars = groupVars;
    this.hostVars = hostVars;
  }

  /** Reads the vars files of the named groups and hosts below baseDir (missing ones are simply absent). */
  static VarsDir load(Path baseDir, Collection<String> groupNames, Collection<String> hostNames) {
    return new VarsDir(read(baseDir.resolve("group_vars"), groupNames),
        read(baseDir.resolve("host_vars"), hostNames));
  }

  Map<String, Object> groupVars(String group) {
    return groupVars.getOrDefault(group, Map.of());
  }

  Map<String, Object> hostVars(String host) {
    return hostVars.getOrDefault(host, Map.of());
  }

  private static Map<String, Map<String, Object>> read(Path dir, Collection<String> names) {
    Map<String, Map<String, Object>> result = new HashMap<>();
    if (!Files.isDirectory(dir)) {
      return result;
    }
    for (String name : names) {
      List<Path> files = find(dir, name);
      if (!files.isEmpty()) {
        Map<String, Object> vars = new LinkedHashMap<>();
        files.forEach(f -> vars.putAll(YamlFiles.readVars(f)));
        result.put(name, vars);
      }
    }
    return result;
  }

  /** Ansible's find_vars_files: NAME (file or directory) first, then NAME.yml, NAME.yaml, NAME.json. */
  static List<Path> find(Path dir, String name) {
    List<String> candidates = new ArrayList<>();
    candidates.add(name);
    EXTENSIONS.forEach(ext -> candidates.add(name + ext));
    for (String candidate : candidates) {
      Path path;
      try {
        path = dir.resolve(candidate);
      } catch (RuntimeException invalidPathName) {
        return List.of();
      }
      if (Files.isDirectory(path)) {
        return filesIn(path);
      }
      if (Files.exists(path)) {
        return List.of(path);
      }
    }
    return List.of();
  }

  private static List<Path> filesIn(Path dir) {
    List<Path> found = new ArrayList<>();
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.sorted().toList();
    } catch (IOException e) {
      throw new InventoryException(dir + ": cannot list directory: " + e.getMessage());
    }
    for (Path entry : entries) {
      String file = entry.getFileName().toString();
      if (file.startsWith(".") || file.endsWith("~")) {
        continue;
      }
      String ext = extension(file);
      if (Files.isDirectory(entry) && ext.isEmpty()) {
        found.addAll(filesIn(entry));
      } else if (Files.isRegularFile(entry) && (ext.isEmpty() || EXTENSIONS.contains(ext))) {
        found.add(entry);
      }
    }
    return found;
  }

  /** Python's os.path.splitext extension: "" for "name" and ".bashrc". */
  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String stem = fileName.substring(0, Math.max(dot, 0));
    if (dot <= 0 || stem.chars().allMatch(c -> c == '.')) {
      return "";
    }
    return fileName.substring(dot);
  }
}
