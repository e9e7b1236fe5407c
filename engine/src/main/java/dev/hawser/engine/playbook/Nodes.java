package dev.hawser.engine.playbook;

import java.util.List;
import java.util.Map;

/** Typed reads of one YAML mapping, with errors that point at the offending key. */
final class Nodes {
  private final YamlSource src;
  private final Map<String, Object> m;
  private final String what;

  Nodes(YamlSource src, Map<String, Object> m, String what) {
    this.src = src;
    this.m = m;
    this.what = what;
  }

  String str(String key) throws PlaybookException {
    Object v = m.get(key);
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      throw new PlaybookException(src.positionOf(m, key), what + ": '" + key + "' must be a string");
    }
    return v == null ? null : String.valueOf(v);
  }

  Boolean bool(String key) throws PlaybookException {
    Object v = m.get(key);
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    String s = String.valueOf(v).strip().toLowerCase(java.util.Locale.ROOT);
    if (s.contains("{{")) {
      throw new PlaybookException(src.positionOf(m, key), what + ": '" + key + "' must be a literal boolean");
    }
    return switch (s) {
      case "yes", "true", "on", "1" -> true;
      case "no", "false", "off", "0" -> false;
      default -> throw new PlaybookException(src.positionOf(m, key), what + ": '" + key + "' must be a boolean, got '" + v + "'");
    };
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(String key) throws PlaybookException {
    Object v = m.get(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?>)) {
      throw new PlaybookException(src.positionOf(m, key), what + ": '" + key + "' must be a mapping");
    }
    return (Map<String, Object>) v;
  }

  /** A list of strings; a single string (or comma list for tags) is accepted as Ansible does. */
  List<String> strings(String key) throws PlaybookException {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    if (v instanceof Map<?, ?>) {
      throw new PlaybookException(src.positionOf(m, key), what + ": '" + key + "' must be a list");
    }
    String s = String.valueOf(v);
    return key.equals("tags") ? List.of(s.split("\\s*,\\s*")) : List.of(s);
  }
}
