package dev.hawser.engine.vars;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The supported subset of Jinja/Ansible filters, implemented directly on plain values (no Java method is
 * looked up or invoked). {@code default} and {@code mandatory} live in {@link Nodes.Filter}.
 */
final class Filters {
  /** Evaluated call arguments: positional ones and keyword ones ({@code attribute='name'}). */
  record Args(List<Object> positional, Map<String, Object> keywords) {
    static final Args NONE = new Args(List.of(), Map.of());

    /** The argument at position {@code i} or named {@code name}, else {@code fallback}. */
    Object get(int i, String name, Object fallback) {
      if (name != null && keywords.containsKey(name)) {
        return keywords.get(name);
      }
      return i >= 0 && i < positional.size() ? positional.get(i) : fallback;
    }

    boolean flag(int i, String name) {
      return Py.truthy(get(i, name, false));
    }

    int size() {
      return positional.size();
    }
  }

  /**
   * Parameter names of a filter or test after the value, as "a b": positional-or-keyword. A "*" makes
   * it take any number of positional arguments; names after it are keyword-only, and "**" passes any
   * keyword on (map/select pass them to the filter or test they name, which checks them).
   */
  record Signature(List<String> params, boolean varargs, List<String> keywordOnly) {
    static Signature of(String spec) {
      String[] parts = spec.split("\\*", 2);
      List<String> params = words(parts[0]);
      return new Signature(params, parts.length > 1, parts.length > 1 ? words(parts[1]) : List.of());
    }

    private static List<String> words(String s) {
      return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }

    void check(String kind, String name, int positional, Set<String> keywords) {
      if (!varargs && positional > params.size()) {
        throw new SyntaxException(kind + " '" + name + "' takes at most " + params.size() + " argument(s)");
      }
      for (int i = 0; i < Math.min(positional, params.size()); i++) {
        if (keywords.contains(params.get(i))) {
          throw new SyntaxException(kind + " '" + name + "' got argument '" + params.get(i) + "' twice");
        }
      }
      for (String k : keywords) {
        if (!params.contains(k) && !keywordOnly.contains(k) && !keywordOnly.contains("**")) {
          throw new SyntaxException(kind + " '" + name + "' has no argument '" + k + "'");
        }
      }
    }
  }

  private static final Map<String, Signature> SIGNATURES = new HashMap<>();

  static {
    String[][] specs = {
      {"default d", "default_value boolean"}, {"mandatory", "msg"},
      {"lower upper string bool length count quote trim first last list reverse capitalize", ""},
      {"basename dirname splitext abs b64decode from_json from_yaml", ""},
      {"int", "default base"}, {"float", "default"}, {"join", "d attribute"}, {"to_json", "*"},
      {"replace", "old new count"}, {"map select reject selectattr rejectattr", "* **"}, {"sort", "reverse case_sensitive attribute"},
      {"unique", "case_sensitive attribute"}, {"min max", "case_sensitive attribute"},
      {"sum", "attribute start"}, {"flatten", "levels skip_nulls"},
      {"dict2items items2dict", "key_name value_name"}, {"combine", "* recursive list_merge"},
      {"regex_replace", "regex replace ignorecase multiline count mandatory_count"},
      {"regex_search", "regex * ignorecase multiline"}, {"regex_findall", "regex multiline ignorecase"},
      {"b64encode", "encoding"}, {"to_yaml to_nice_yaml", "* indent sort_keys default_flow_style width"},
      {"to_nice_json", "* indent sort_keys"}, {"round", "precision method"},
      {"difference union intersect symmetric_difference", "b"}, {"zip", "*"},
      {"ternary", "true_val false_val none_val"},
    };
    for (String[] spec : specs) {
      for (String name : spec[0].split(" ")) {
        SIGNATURES.put(name, Signature.of(spec[1]));
      }
    }
  }

  private static final Pattern SHELL_SAFE = Pattern.compile("[\\w@%+=:,./-]+");

  private Filters() {}

  static boolean exists(String name) {
    return SIGNATURES.containsKey(name);
  }

  /** Throws {@link SyntaxException} for an unknown filter or arguments it does not take. */
  static void check(String name, int args, Set<String> keywords) {
    Signature signature = SIGNATURES.get(name);
    if (signature == null) {
      throw new SyntaxException("unsupported filter '" + name + "'");
    }
    signature.check("filter", name, args, keywords);
  }

  static Object apply(String name, Object v, Args a) {
    return switch (name) {
      case "default", "d" -> a.flag(1, "boolean") && !Py.truthy(v) || v == Tests.UNDEFINED
          ? a.get(0, "default_value", "") : v;
      case "mandatory" -> v;
      case "lower" -> Py.str(v).toLowerCase(Locale.ROOT);
      case "upper" -> Py.str(v).toUpperCase(Locale.ROOT);
      case "capitalize" -> capitalize(Py.str(v));
      case "int" -> toInt(v, a.get(0, "default", 0), a.get(1, "base", 10));
      case "float" -> toFloat(v, a.get(0, "default", 0.0));
      case "string" -> Py.str(v);
      case "bool" -> Py.ansibleBool(v);
      case "length", "count" -> length(v);
      case "join" -> join(attributes(v, a.get(1, "attribute", null), "join"), Py.str(a.get(0, "d", "")));
      case "to_json" -> Json.dumps(v);
      case "quote" -> quote(v == null ? "" : Py.str(v));
      case "trim" -> Py.str(v).strip();
      case "first", "last" -> end(name, v);
      case "replace" -> replace(v, a);
      case "list" -> DataFilters.list(v, name);
      case "reverse" -> v instanceof CharSequence s ? new StringBuilder(s).reverse().toString()
          : DataFilters.reversed(DataFilters.list(v, name));
      default -> DataFilters.apply(name, v, a);
    };
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
  }

  /** The items of a list, or their {@code attribute} (Jinja's dotted attribute path) when given. */
  static Object attributes(Object v, Object attribute, String filter) {
    if (attribute == null) {
      return v;
    }
    List<Object> out = new ArrayList<>();
    for (Object item : DataFilters.list(v, filter)) {
      out.add(DataFilters.attribute(item, attribute, null, false));
    }
    return out;
  }

  /** Jinja's int: int(value), else int(float(value)), else the default. */
  private static Object toInt(Object v, Object fallback, Object base) {
    if (v instanceof Boolean || v instanceof Number) {
      return Py.integer(Py.big(v));
    }
    if (v instanceof String s) {
      String t = s.strip().replace("_", "");
      int radix = base instanceof Number n ? n.intValue() : 10;
      if (radix != 10) {
        String lower = t.toLowerCase(Locale.ROOT);
        String prefix = radix == 16 ? "0x" : radix == 8 ? "0o" : radix == 2 ? "0b" : null;
        if (prefix != null && lower.startsWith(prefix)) {
          t = t.substring(2);
        }
        try {
          return Py.integer(new BigInteger(t, radix));
        } catch (NumberFormatException e) {
          return fallback;
        }
      }
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

  private static String replace(Object v, Args a) {
    Object old = a.get(0, "old", null);
    Object replacement = a.get(1, "new", null);
    if (old == null || replacement == null) {
      throw new ExprException("filter 'replace' takes 2 arguments");
    }
    Object count = a.get(2, "count", null);
    String s = Py.str(v);
    if (count == null) {
      return s.replace(Py.str(old), Py.str(replacement));
    }
    String from = Py.str(old);
    StringBuilder sb = new StringBuilder();
    int at = 0;
    for (int n = ((Number) count).intValue(); n > 0; n--) {
      int i = s.indexOf(from, at);
      if (i < 0 || from.isEmpty()) {
        break;
      }
      sb.append(s, at, i).append(Py.str(replacement));
      at = i + from.length();
    }
    return sb.append(s.substring(at)).toString();
  }
}
