package dev.hawser.modules.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets one fact command read several things: each part is announced by a line {@code @@name}
 * ({@link #marker}), and {@link #parse} splits the output back into named parts.
 */
final class Sections {
  private Sections() {}

  /** A command printing the marker line of section {@code name}. */
  static String marker(String name) {
    return "echo @@" + name;
  }

  /** Output lines by section; lines before any marker go to section "". */
  static Map<String, List<String>> parse(String stdout) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> current = new ArrayList<>();
    out.put("", current);
    for (String line : stdout.split("\n", -1)) {
      if (line.startsWith("@@")) {
        current = new ArrayList<>();
        out.put(line.substring(2).strip(), current);
      } else if (!line.isBlank()) {
        current.add(line.stripTrailing());
      }
    }
    return out;
  }

  /** The first line of a section, or "" when it is missing or empty. */
  static String first(Map<String, List<String>> sections, String name) {
    List<String> lines = sections.getOrDefault(name, List.of());
    return lines.isEmpty() ? "" : lines.get(0).strip();
  }
}
