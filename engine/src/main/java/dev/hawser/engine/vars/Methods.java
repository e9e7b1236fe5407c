package dev.hawser.engine.vars;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The few Python string and dict methods Ansible users call in conditions ({@code x.startswith('a')},
 * {@code d.get('k')}), implemented directly: no Java method is ever looked up or invoked.
 */
final class Methods {
  /** Method name to the most arguments it accepts. */
  private static final Map<String, Integer> MAX_ARGS = Map.ofEntries(
      Map.entry("startswith", 1), Map.entry("endswith", 1), Map.entry("lower", 0), Map.entry("upper", 0),
      Map.entry("strip", 0), Map.entry("lstrip", 0), Map.entry("rstrip", 0), Map.entry("split", 1),
      Map.entry("splitlines", 0), Map.entry("find", 1), Map.entry("replace", 2), Map.entry("keys", 0),
      Map.entry("values", 0), Map.entry("items", 0), Map.entry("get", 2));

  private Methods() {}

  static void check(String name, int args) {
    Integer max = MAX_ARGS.get(name);
    if (max == null) {
      throw new SyntaxException("unsupported method '" + name + "'");
    }
    if (args > max) {
      throw new SyntaxException("method '" + name + "' takes at most " + max + " argument(s)");
    }
  }

  static Object call(String name, Object target, List<Object> args) {
    if (target instanceof String s) {
      return string(name, s, args);
    }
    if (target instanceof Map<?, ?> map) {
      switch (name) {
        case "keys":
          return new ArrayList<>(map.keySet());
        case "values":
          return new ArrayList<>(map.values());
        case "items":
          List<Object> items = new ArrayList<>();
          map.forEach((k, v) -> items.add(Arrays.asList(k, v)));
          return items;
        case "get":
          Object key = arg(name, args, 0);
          return map.containsKey(key) ? map.get(key) : args.size() > 1 ? args.get(1) : null;
        default:
          break;
      }
    }
    throw new ExprException("'" + Py.typeName(target) + "' object has no method '" + name + "'");
  }

  private static Object string(String name, String s, List<Object> args) {
    return switch (name) {
      case "startswith" -> s.startsWith(text(name, args));
      case "endswith" -> s.endsWith(text(name, args));
      case "lower" -> s.toLowerCase(Locale.ROOT);
      case "upper" -> s.toUpperCase(Locale.ROOT);
      case "strip" -> s.strip();
      case "lstrip" -> s.stripLeading();
      case "rstrip" -> s.stripTrailing();
      case "split" -> args.isEmpty() || args.get(0) == null
          ? (s.isBlank() ? List.of() : List.of(s.strip().split("\\s+")))
          : List.of(s.split(Pattern.quote(text(name, args)), -1));
      case "splitlines" -> s.isEmpty() ? List.of() : List.of(s.split("\\r?\\n|\\r"));
      case "find" -> s.indexOf(text(name, args));
      case "replace" -> s.replace(text(name, args), Py.str(arg(name, args, 1)));
      default -> throw new ExprException("'str' object has no method '" + name + "'");
    };
  }

  private static Object arg(String name, List<Object> args, int i) {
    if (args.size() <= i) {
      throw new ExprException("method '" + name + "' needs " + (i + 1) + " argument(s)");
    }
    return args.get(i);
  }

  private static String text(String name, List<Object> args) {
    if (!(arg(name, args, 0) instanceof String s)) {
      throw new ExprException("method '" + name + "' needs a string argument");
    }
    return s;
  }
}
