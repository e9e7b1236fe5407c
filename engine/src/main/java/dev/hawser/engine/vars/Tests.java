package dev.hawser.engine.vars;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/** Jinja/Ansible tests ({@code x is failed}, {@code x is version('1.2', '>=')}), on plain values. */
final class Tests {
  /** The value of an undefined operand, seen only by {@code defined}/{@code undefined}. */
  static final Object UNDEFINED = new Object() {
    @Override
    public String toString() {
      return "Undefined";
    }
  };

  private static final Map<String, Filters.Signature> SIGNATURES = new HashMap<>();

  static {
    String[][] specs = {
      {"defined undefined none failed failure succeeded success successful changed change skipped skip", ""},
      {"string number integer float boolean mapping sequence iterable true false odd even lower upper", ""},
      {"match search", "pattern ignorecase multiline"}, {"regex", "pattern ignorecase multiline match_type"},
      {"equalto eq == ne != lt < le <= gt > ge >= sameas", "other"}, {"in", "seq"}, {"contains", "item"},
      {"version version_compare", "version operator strict version_type"}, {"subset superset", "b"},
      {"truthy falsy", "convert_bool"}, {"divisibleby", "num"},
    };
    for (String[] spec : specs) {
      for (String name : spec[0].split(" ")) {
        SIGNATURES.put(name, Filters.Signature.of(spec[1]));
      }
    }
  }

  private static final Set<String> VERSION_OPERATORS =
      Set.of("<", "lt", "<=", "le", ">", "gt", ">=", "ge", "==", "=", "eq", "!=", "<>", "ne");

  private Tests() {}

  static boolean supports(String name) {
    return SIGNATURES.containsKey(name);
  }

  /** Throws {@link SyntaxException} for an unknown test or arguments it does not take. */
  static void check(String name, int args, Set<String> keywords) {
    Filters.Signature signature = SIGNATURES.get(name);
    if (signature == null) {
      throw new SyntaxException("unsupported test '" + name + "'");
    }
    signature.check("test", name, args, keywords);
  }

  static boolean apply(String name, Object v, Filters.Args a) {
    if (v == UNDEFINED && !name.equals("defined") && !name.equals("undefined")) {
      throw new UndefinedException("(item)");
    }
    return switch (name) {
      case "defined" -> v != UNDEFINED;
      case "undefined" -> v == UNDEFINED;
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
      case "lower" -> Py.str(v).equals(Py.str(v).toLowerCase(java.util.Locale.ROOT));
      case "upper" -> Py.str(v).equals(Py.str(v).toUpperCase(java.util.Locale.ROOT));
      case "odd", "even" -> integer(name, v).testBit(0) == name.equals("odd");
      case "divisibleby" -> integer(name, v).mod(integer(name, need(name, a, 0, "num")).abs()).signum() == 0;
      case "failed", "failure" -> flag(name, v, "failed");
      case "succeeded", "success", "successful" -> !flag(name, v, "failed");
      case "changed", "change" -> flag(name, v, "changed");
      case "skipped", "skip" -> flag(name, v, "skipped");
      case "match", "search", "regex" -> regex(name, v, a);
      case "equalto", "eq", "==" -> Py.eq(v, need(name, a, 0, "other"));
      case "ne", "!=" -> !Py.eq(v, need(name, a, 0, "other"));
      case "lt", "<" -> Py.compare(v, need(name, a, 0, "other"), "<") < 0;
      case "le", "<=" -> Py.compare(v, need(name, a, 0, "other"), "<=") <= 0;
      case "gt", ">" -> Py.compare(v, need(name, a, 0, "other"), ">") > 0;
      case "ge", ">=" -> Py.compare(v, need(name, a, 0, "other"), ">=") >= 0;
      case "sameas" -> v == need(name, a, 0, "other") || v == null && a.get(0, "other", null) == null
          || v instanceof Boolean && v.equals(a.get(0, "other", null));
      case "in" -> Py.contains(need(name, a, 0, "seq"), v);
      case "contains" -> Py.contains(v, need(name, a, 0, "item"));
      case "version", "version_compare" -> version(v, a);
      case "subset" -> all(DataFilters.list(v, name), DataFilters.list(need(name, a, 0, "b"), name));
      case "superset" -> all(DataFilters.list(need(name, a, 0, "b"), name), DataFilters.list(v, name));
      case "truthy" -> a.flag(0, "convert_bool") ? Py.ansibleBool(v) || !(v instanceof String) && Py.truthy(v)
          : Py.truthy(v);
      case "falsy" -> !apply("truthy", v, a);
      default -> throw new ExprException("unsupported test '" + name + "'");
    };
  }

  private static Object need(String test, Filters.Args a, int i, String param) {
    if (i >= a.size() && !a.keywords().containsKey(param)) {
      throw new ExprException("test '" + test + "' needs the argument '" + param + "'");
    }
    return a.get(i, param, null);
  }

  private static java.math.BigInteger integer(String test, Object v) {
    if (!(v instanceof Number) || Py.isFloat(v)) {
      throw new ExprException("test '" + test + "' expects an integer, not " + Py.typeName(v));
    }
    return Py.big(v);
  }

  private static boolean all(List<Object> items, List<Object> in) {
    return items.stream().allMatch(x -> Py.contains(in, x));
  }

  /** Ansible's match (anchored at the start), search and regex (match_type='search' by default). */
  private static boolean regex(String name, Object v, Filters.Args a) {
    if (!(v instanceof CharSequence)) {
      throw new ExprException("test '" + name + "' expects a string, not " + Py.typeName(v));
    }
    PyRegex regex = PyRegex.compile(need(name, a, 0, "pattern"), a.flag(1, "ignorecase"), a.flag(2, "multiline"));
    String type = name.equals("regex") ? Py.str(a.get(3, "match_type", "search")) : name;
    Matcher m = regex.matcher(v.toString());
    return switch (type) {
      case "match" -> m.lookingAt();
      case "search" -> m.find();
      case "fullmatch" -> m.matches();
      default -> throw new ExprException("test 'regex': unknown match_type '" + type + "'");
    };
  }

  /** Ansible's version test with LooseVersion comparison (numbers numerically, words as text). */
  private static boolean version(Object v, Filters.Args a) {
    Object other = need("version", a, 0, "version");
    String op = Py.str(a.get(1, "operator", "eq"));
    if (!VERSION_OPERATORS.contains(op)) {
      throw new ExprException("Invalid operator type (" + op + ")");
    }
    int c = compareVersions(loose(Py.str(v)), loose(Py.str(other)));
    return switch (op) {
      case "<", "lt" -> c < 0;
      case "<=", "le" -> c <= 0;
      case ">", "gt" -> c > 0;
      case ">=", "ge" -> c >= 0;
      case "!=", "<>", "ne" -> c != 0;
      default -> c == 0;
    };
  }

  private static List<Object> loose(String version) {
    List<Object> parts = new ArrayList<>();
    Matcher m = java.util.regex.Pattern.compile("\\d+|[a-z]+|[^\\d a-z.]+", java.util.regex.Pattern.CASE_INSENSITIVE)
        .matcher(version);
    while (m.find()) {
      String p = m.group();
      parts.add(Character.isDigit(p.charAt(0)) ? new java.math.BigInteger(p) : p);
    }
    return parts;
  }

  private static int compareVersions(List<Object> x, List<Object> y) {
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      Object a = x.get(i);
      Object b = y.get(i);
      int c;
      if (a instanceof java.math.BigInteger ia && b instanceof java.math.BigInteger ib) {
        c = ia.compareTo(ib);
      } else if (a instanceof String || b instanceof String) {
        if (!(a instanceof String && b instanceof String)) {
          throw new ExprException("Version comparison failed: cannot compare '" + a + "' and '" + b + "'");
        }
        c = ((String) a).compareTo((String) b);
      } else {
        c = 0;
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
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
