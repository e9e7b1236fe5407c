package dev.hawser.engine.exec;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Shows a loop item as Ansible does: Python's repr for dicts and lists, plain text for scalars. */
final class PythonRepr {
  private PythonRepr() {}

  static String of(Object v) {
    return v instanceof String s ? s : nested(v);
  }

  private static String nested(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof String s) {
      return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (v instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> nested(String.valueOf(e.getKey())) + ": " + nested(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (v instanceof List<?> l) {
      return l.stream().map(PythonRepr::nested).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(v);
  }
}
