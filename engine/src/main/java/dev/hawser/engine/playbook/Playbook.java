package dev.hawser.engine.playbook;

import java.nio.file.Path;
import java.util.List;

/** A parsed playbook file. */
public record Playbook(Path file, List<Play> plays) {
  /** The folder relative paths (vars_files, files/, templates/) are resolved against. */
  public Path dir() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }
}
