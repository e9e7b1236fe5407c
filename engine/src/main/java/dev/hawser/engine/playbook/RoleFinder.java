package dev.hawser.engine.playbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where roles are looked for, and how a role's YAML files are read. */
final class RoleFinder {
  private final List<Path> searchPath;

  /** roles/ beside the playbook, then ANSIBLE_ROLES_PATH, then roles/ of the cwd, then the playbook's folder. */
  RoleFinder(Path playbookDir, String rolesPathEnv) {
    Set<Path> dirs = new LinkedHashSet<>();
    dirs.add(playbookDir.resolve("roles"));
    if (rolesPathEnv != null) {
      for (String d : rolesPathEnv.split(":")) {
        if (!d.isBlank()) {
          dirs.add(Path.of(d.startsWith("~/") ? System.getProperty("user.home") + d.substring(1) : d));
        }
      }
    }
    dirs.add(Path.of("roles").toAbsolutePath());
    dirs.add(playbookDir);
    this.searchPath = List.copyOf(dirs);
  }

  Path find(String name, Position at) throws PlaybookException {
    if (name.contains("{{")) {
      throw new PlaybookException(at, "role name must be literal, got '" + name + "'");
    }
    List<Path> candidates = new ArrayList<>();
    if (Path.of(name).isAbsolute()) {
      candidates.add(Path.of(name));
    } else {
      searchPath.forEach(d -> candidates.add(d.resolve(name).normalize()));
    }
    for (Path c : candidates) {
      if (Files.isDirectory(c)) {
        return c;
      }
    }
    throw new PlaybookException(at, "role '" + name + "' not found (searched " + String.join(", ",
        candidates.stream().map(Path::toString).toList()) + ")");
  }

  /** {@code dir/sub/base.yml} or {@code .yaml} (or {@code base} as given); null if neither exists. */
  static Path file(Path dir, String sub, String base) {
    for (String name : List.of(base + ".yml", base + ".yaml", base)) {
      Path p = dir.resolve(sub).resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /** The mapping in a defaults/ or vars/ file; empty when there is no such file. */
  static Map<String, Object> vars(Path dir, String sub, String base) throws PlaybookException {
    Path p = file(dir, sub, base);
    if (p == null) {
      return Map.of();
    }
    YamlSource src = YamlSource.load(p);
    if (src.root() == null) {
      return Map.of();
    }
    if (!(src.root() instanceof Map<?, ?> m)) {
      throw new PlaybookException(src.positionOf(src.root()), sub + " of a role must be a mapping");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> vars = (Map<String, Object>) m;
    return vars;
  }
}
