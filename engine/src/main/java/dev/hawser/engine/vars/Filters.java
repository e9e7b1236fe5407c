package dev.hawser.engine.vars;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/** The supported subset of Jinja/Ansible filters. {@code default} lives in {@link Nodes.Filter}. */
final class Filters {
  /** Filter name to the most arguments it accepts. */
  private static final Map<String, Integer> MAX_ARGS = Map.ofEntries(
      Map.entry("default", 2), Map.entry("d", 2), Map.entry("lower", 0), Map.entry("upper", 0),
      Map.entry("int", 1), Map.entry("float", 1), Map.entry("string", 0), Map.entry("bool", 0),
      Map.entry("length", 0), Map.entry("count", 0), Map.entry("join", 1), Map.entry("to_json", 0),
      Map.entry("quote", 0), Map.entry("trim", 0), Map.entry("first", 0), Map.entry("last", 0),
      Map.entry("replace", 2));
  private static final Pattern SHELL_SAFE = Pattern.compile("[\\w@%+=:,./-]+");

  private Filters() {}

  /** Throws {@link SyntaxException} for an unknown filter or too many arguments. */
  static void check(String name, int args) {
    Integer max = MAX_ARGS.get(name);
    if (max == null) {
      throw new SyntaxException("unsupported filter '" + name + "'");
    }
    if (args > max) {
      throw new SyntaxException("filter '" + name + "' takes at most " + max + " argument(s)");
    }
  }

  static Object apply(String name, Object v, List<Object> args) {
    return switch (name) {
      case "lower" -> Py.str(v).toLowerCase(Locale.ROOT);
      case "upper" -> Py.str(v).toUpperCase(Locale.ROOT);
      case "int" -> toInt(v, args.isEmpty() ? 0 : args.get(0));
      case "float" -> toFloat(v, args.isEmpty() ? 0.0 : args.get(0));
      case "string" -> Py.str(v);
      case "bool" -> Py.ansibleBool(v);
      case "length", "count" -> length(v);
      case "join" -> join(v, args.isEmpty() ? "" : Py.str(args.get(0)));
      case "to_json" -> Json.dumps(v);
      case "quote" -> quote(v == null ? "" : Py.str(v));
      case "trim" -> Py.str(v).strip();
      case "first", "last" -> end(name, v);
      case "replace" -> replace(v, args);
      default -> throw new ExprException("unsupported filter '" + name + "'");
    };
  }

  /** Jinja's int: int(value), else int(float(value)), else the default. */
  private static Object toInt(Object v, Object fallback) {
    if (v instanceof Boolean || v instanceof Number) {
      return Py.integer(Py.big(v));
    }
    if (v instanceof String s) {
      String t = s.strip().replace("_", "");
      try {
        return Py.integer(new BigInteger(t));
      } catch (NumberFormatException e) {
        try {
          return Py.integer(new BigDecimal(t).toBigInteger());
        } catch (NumberFormatException e2) {
          return fallback;
        }
      }
    }
    return fallback;
  }

  private static Object toFloat(Object v, Object fallback) {
    if (v instanceof Boolean || v instanceof Number) {
      return v instanceof Boolean b ? (b ? 1.0 : 0.0) : ((Number) v).doubleValue();
    }
    try {
      return v instanceof String s ? Double.parseDouble(s.strip()) : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static int length(Object v) {
    if (v instanceof CharSequence s) {
      return s.toString().codePointCount(0, s.length());
    }
    if (v instanceof Collection<?> c) {
      return c.size();
    }
    if (v instanceof Map<?, ?> m) {
      return m.size();
    }
    throw new ExprException("object of type '" + Py.typeName(v) + "' has no len()");
  }

  private static String join(Object v, String separator) {
    if (v instanceof CharSequence s) {
      return String.join(separator, s.toString().split(""));
    }
    Iterable<?> items = v instanceof Map<?, ?> m ? m.keySet() : v instanceof Iterable<?> i ? i : null;
    if (items == null) {
      throw new ExprException("join expects a list, not " + Py.typeName(v));
    }
    StringJoiner joiner = new StringJoiner(separator);
    items.forEach(item -> joiner.add(Py.str(item)));
    return joiner.toString();
  }

  /** POSIX shell quoting as Python's shlex.quote. */
  static String quote(String s) {
    if (s.isEmpty()) {
      return "''";
    }
    if (SHELL_SAFE.matcher(s).matches()) {
      return s;
    }
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }

  private static Object end(String name, Object v) {
    if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        throw new UndefinedException("(empty list)." + name);
      }
      return name.equals("first") ? list.get(0) : list.get(list.size() - 1);
    }
    if (v instanceof CharSequence s && s.length() > 0) {
      return String.valueOf(s.charAt(name.equals("first") ? 0 : s.length() - 1));
    }
    throw new ExprException("filter '" + name + "' expects a non-empty list, not " + Py.typeName(v));
  }

  private static String replace(Object v, List<Object> args) {
    if (args.size() != 2) {
      throw new ExprException("filter 'replace' takes 2 arguments");
    }
    return Py.str(v).replace(Py.str(args.get(0)), Py.str(args.get(1)));
  }
}
