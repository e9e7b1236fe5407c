package dev.hawser.engine.playbook;

import java.nio.file.Path;

/** Where something was written: shown as {@code file:line:column} (1-based). */
public record Position(Path file, int line, int column) {
  public static final Position UNKNOWN = new Position(Path.of("?"), 0, 0);

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
