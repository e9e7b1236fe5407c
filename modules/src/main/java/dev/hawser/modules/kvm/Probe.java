package dev.hawser.modules.kvm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The output of a state script that reads several things in one round trip. Each thing starts
 * with a marker line {@code @@hawser NAME [VALUE]}; the lines up to the next marker are its body.
 * File bodies are printed as {@code cat FILE; echo}, so a body is the file's exact content.
 */
final class Probe {
  private static final String MARK = "@@hawser ";
  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> bodies = new HashMap<>();

  private Probe() {}

  /** Shell that prints marker NAME with the (double-quoted, so $(...) expands) value {@code expr}. */
  static String value(String name, String expr) {
    return "echo \"" + MARK + name + " " + expr + "\"";
  }

  /** Shell that prints marker NAME with value present|absent and, when present, the file's content. */
  static String file(String name, String quotedPath) {
    return "if [ -f " + quotedPath + " ]; then echo '" + MARK + name + " present'; cat " + quotedPath
        + "; echo; else echo '" + MARK + name + " absent'; fi";
  }

  /** Shell that prints marker NAME and then whatever {@code command} prints. */
  static String section(String name, String command) {
    return "echo '" + MARK + name + "'; " + command;
  }

  static Probe parse(String stdout) {
    Probe p = new Probe();
    List<String> lines = new ArrayList<>(List.of(stdout.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    String current = null;
    List<String> body = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith(MARK)) {
        p.close(current, body);
        String rest = line.substring(MARK.length());
        int sp = rest.indexOf(' ');
        current = sp < 0 ? rest : rest.substring(0, sp);
        p.values.put(current, sp < 0 ? "" : rest.substring(sp + 1).strip());
        body = new ArrayList<>();
      } else if (current != null) {
        body.add(line);
      }
    }
    p.close(current, body);
    return p;
  }

  private void close(String name, List<String> body) {
    if (name != null) {
      bodies.put(name, String.join("\n", body));
    }
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  /** The value on NAME's marker line; empty when the marker is missing. */
  String value(String name) {
    return values.getOrDefault(name, "");
  }

  boolean is(String name, String expected) {
    return expected.equals(value(name));
  }

  /** The lines after NAME's marker; empty when the marker is missing. */
  String body(String name) {
    return bodies.getOrDefault(name, "");
  }

  /** The words of NAME's value, e.g. a space-separated list. */
  List<String> words(String name) {
    String v = value(name);
    return v.isBlank() ? List.of() : List.of(v.split("\\s+"));
  }
}
