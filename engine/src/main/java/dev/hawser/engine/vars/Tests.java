package dev.hawser.engine.vars;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Jinja/Ansible tests ({@code x is failed}); {@code defined}/{@code undefined} live in {@link Nodes.Test}. */
final class Tests {
  private static final Set<String> NAMES = Set.of(
      "defined", "undefined", "none", "failed", "failure", "succeeded", "success", "successful",
      "changed", "change", "skipped", "skip", "string", "number", "integer", "float", "boolean",
      "mapping", "sequence", "iterable", "true", "false");

  private Tests() {}

  static boolean supports(String name) {
    return NAMES.contains(name);
  }

  static boolean apply(String name, Object v) {
    return switch (name) {
      case "none" -> v == null;
      case "true" -> Boolean.TRUE.equals(v);
      case "false" -> Boolean.FALSE.equals(v);
      case "string" -> v instanceof CharSequence;
      case "number" -> v instanceof Number;
      case "integer" -> v instanceof Number && !Py.isFloat(v);
      case "float" -> Py.isFloat(v);
      case "boolean" -> v instanceof Boolean;
      case "mapping" -> v instanceof Map;
      case "sequence", "iterable" -> v instanceof List || v instanceof Map || v instanceof CharSequence;
      case "failed", "failure" -> flag(name, v, "failed");
      case "succeeded", "success", "successful" -> !flag(name, v, "failed");
      case "changed", "change" -> flag(name, v, "changed");
      case "skipped", "skip" -> flag(name, v, "skipped");
      default -> throw new ExprException("unsupported test '" + name + "'");
    };
  }

  /** A registered result's flag; for loop results, {@code changed} also looks at the items as Ansible does. */
  private static boolean flag(String test, Object result, String key) {
    if (!(result instanceof Map<?, ?> map)) {
      throw new ExprException("the '" + test + "' test expects a registered result (a mapping), not "
          + Py.typeName(result));
    }
    if (Py.truthy(map.get(key))) {
      return true;
    }
    if (key.equals("changed") && map.get("results") instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> m && Py.truthy(m.get(key))) {
          return true;
        }
      }
    }
    return false;
  }
}
