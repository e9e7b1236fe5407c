package dev.hawser.engine.vars;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/** Filters on lists, dicts, paths, regular expressions and encodings (see {@link Filters}). */
final class DataFilters {
  private DataFilters() {}

  static Object apply(String name, Object v, Filters.Args a) {
    return switch (name) {
      case "map" -> map(v, a);
      case "select", "reject" -> select(v, a, name.equals("select"), false);
      case "selectattr", "rejectattr" -> select(v, a, name.equals("selectattr"), true);
      case "sort" -> sort(v, a);
      case "unique" -> unique(v, a);
      case "min", "max" -> minMax(name, v, a);
      case "sum" -> sum(v, a);
      case "flatten" -> flatten(list(v, name), a.get(0, "levels", null),
          Py.truthy(a.get(1, "skip_nulls", true)));
      case "dict2items" -> dict2items(v, a);
      case "items2dict" -> items2dict(v, a);
      case "combine" -> combine(v, a);
      case "basename" -> basename(Py.str(v));
      case "dirname" -> dirname(Py.str(v));
      case "splitext" -> splitext(Py.str(v));
      case "regex_replace" -> PyRegex.compile(a.get(0, "regex", ""), a.flag(2, "ignorecase"), a.flag(3, "multiline"))
          .sub(Py.str(v), Py.str(a.get(1, "replace", "")), ((Number) a.get(4, "count", 0)).intValue());
      case "regex_search" -> regexSearch(v, a);
      case "regex_findall" -> PyRegex.compile(a.get(0, "regex", ""), a.flag(2, "ignorecase"), a.flag(1, "multiline"))
          .findall(Py.str(v));
      case "b64encode" -> Base64.getEncoder().encodeToString(Py.str(v).getBytes(StandardCharsets.UTF_8));
      case "b64decode" -> b64decode(Py.str(v));
      case "to_yaml", "to_nice_yaml" -> Yamls.dump(v, name.equals("to_nice_yaml"), a);
      case "to_nice_json" -> Json.pretty(v, ((Number) a.get(-1, "indent", 4)).intValue(),
          Py.truthy(a.get(-1, "sort_keys", true)));
      case "from_json" -> Yamls.fromJson(Py.str(v));
      case "from_yaml" -> Yamls.load(Py.str(v));
      case "abs" -> abs(v);
      case "round" -> round(v, a);
      case "difference", "union", "intersect", "symmetric_difference" -> setOp(name, v, a.get(0, "b", null));
      case "zip" -> zip(v, a);
      case "ternary" -> v == null && (a.size() > 2 || a.keywords().containsKey("none_val")) ? a.get(2, "none_val", null)
          : Py.truthy(v) ? a.get(0, "true_val", null) : a.get(1, "false_val", null);
      default -> throw new ExprException("unsupported filter '" + name + "'");
    };
  }

  /** Python's list(): items of a list, keys of a dict, characters of a string. */
  static List<Object> list(Object v, String filter) {
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    if (v instanceof Map<?, ?> m) {
      return new ArrayList<>(m.keySet());
    }
    if (v instanceof CharSequence s) {
      List<Object> out = new ArrayList<>();
      s.toString().codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
      return out;
    }
    throw new ExprException("filter '" + filter + "' expects a list, not " + Py.typeName(v));
  }

  static List<Object> reversed(List<Object> l) {
    Collections.reverse(l);
    return l;
  }

  /**
   * Jinja's attribute lookup for {@code attribute='a.b.0'}: a missing one gives {@code fallback} when
   * {@code lenient}, {@link Tests#UNDEFINED} for tests, else an undefined-variable error.
   */
  static Object attribute(Object item, Object attribute, Object fallback, boolean lenient) {
    Object value = item;
    List<Object> parts = new ArrayList<>();
    if (attribute instanceof Number n) {
      parts.add(n);
    } else {
      for (String part : Py.str(attribute).split("\\.")) {
        parts.add(part.matches("\\d+") ? (Object) Integer.parseInt(part) : part);
      }
    }
    for (Object part : parts) {
      if (value instanceof Map<?, ?> m && (m.containsKey(part) || m.containsKey(Py.str(part)))) {
        value = m.containsKey(part) ? m.get(part) : m.get(Py.str(part));
      } else if (value instanceof List<?> l && part instanceof Integer i && i < l.size()) {
        value = l.get(i);
      } else if (lenient) {
        return fallback;
      } else {
        throw new UndefinedException("(item)." + Py.str(attribute));
      }
    }
    return value;
  }

  private static List<Object> map(Object v, Filters.Args a) {
    List<Object> out = new ArrayList<>();
    if (a.keywords().containsKey("attribute")) {
      boolean hasDefault = a.keywords().containsKey("default");
      for (Object item : list(v, "map")) {
        out.add(attribute(item, a.keywords().get("attribute"), a.keywords().get("default"), hasDefault));
      }
      return out;
    }
    if (a.size() == 0) {
      throw new ExprException("filter 'map' needs a filter name or attribute=");
    }
    if (a.keywords().containsKey("default")) {
      throw new ExprException("filter 'map': default= needs attribute=");
    }
    String filter = Py.str(a.positional().get(0));
    Filters.check(filter, a.size() - 1, a.keywords().keySet());
    Filters.Args rest = new Filters.Args(a.positional().subList(1, a.size()), a.keywords());
    for (Object item : list(v, "map")) {
      out.add(Filters.apply(filter, item, rest));
    }
    return out;
  }

  private static List<Object> select(Object v, Filters.Args a, boolean keep, boolean byAttribute) {
    int at = byAttribute ? 1 : 0;
    String filter = (keep ? "select" : "reject") + (byAttribute ? "attr" : "");
    if (byAttribute && a.size() == 0) {
      throw new ExprException("filter '" + filter + "' needs an attribute name");
    }
    String test = a.size() > at ? Py.str(a.positional().get(at)) : null;
    Filters.Args rest = new Filters.Args(a.size() > at + 1 ? a.positional().subList(at + 1, a.size()) : List.of(),
        a.keywords());
    if (test != null) {
      Tests.check(test, rest.size(), rest.keywords().keySet());
    }
    List<Object> out = new ArrayList<>();
    for (Object item : list(v, filter)) {
      Object value = byAttribute ? attribute(item, a.positional().get(0), Tests.UNDEFINED, true) : item;
      boolean pass = test == null ? value != Tests.UNDEFINED && Py.truthy(value) : Tests.apply(test, value, rest);
      if (pass == keep) {
        out.add(item);
      }
    }
    return out;
  }

  /** Jinja's sort key: strings compare case-insensitively unless case_sensitive. */
  private static Comparator<Object> order(Object attribute, boolean caseSensitive) {
    return (x, y) -> {
      Object kx = key(x, attribute, caseSensitive);
      Object ky = key(y, attribute, caseSensitive);
      return Py.compare(kx, ky, "<");
    };
  }

  private static Object key(Object item, Object attribute, boolean caseSensitive) {
    Object k = attribute == null ? item : attribute(item, attribute, null, false);
    return !caseSensitive && k instanceof CharSequence s ? s.toString().toLowerCase(Locale.ROOT) : k;
  }

  private static List<Object> sort(Object v, Filters.Args a) {
    List<Object> items = list(v, "sort");
    Comparator<Object> order = order(a.get(2, "attribute", null), a.flag(1, "case_sensitive"));
    items.sort(a.flag(0, "reverse") ? order.reversed() : order);
    return items;
  }

  private static List<Object> unique(Object v, Filters.Args a) {
    boolean caseSensitive = a.flag(0, "case_sensitive");
    Object attribute = a.get(1, "attribute", null);
    List<Object> out = new ArrayList<>();
    List<Object> seen = new ArrayList<>();
    for (Object item : list(v, "unique")) {
      Object k = key(item, attribute, caseSensitive);
      if (seen.stream().noneMatch(s -> Py.eq(s, k))) {
        seen.add(k);
        out.add(item);
      }
    }
    return out;
  }

  private static Object minMax(String name, Object v, Filters.Args a) {
    List<Object> items = list(v, name);
    if (items.isEmpty()) {
      throw new ExprException("filter '" + name + "': no aggregated item, sequence was empty");
    }
    Comparator<Object> order = order(a.get(1, "attribute", null), a.flag(0, "case_sensitive"));
    Object best = items.get(0);
    for (Object item : items.subList(1, items.size())) {
      int c = order.compare(item, best);
      if (name.equals("min") ? c < 0 : c > 0) {
        best = item;
      }
    }
    return best;
  }

  private static Object sum(Object v, Filters.Args a) {
    Object attribute = a.get(0, "attribute", null);
    Object total = a.get(1, "start", 0);
    for (Object item : list(v, "sum")) {
      Object value = attribute == null ? item : attribute(item, attribute, null, false);
      if (!Py.isNumber(total) || !Py.isNumber(value)) {
        throw new ExprException("filter 'sum' expects numbers, not " + Py.typeName(value));
      }
      total = Py.isFloat(total) || Py.isFloat(value) ? (Object) (((Number) num(total)).doubleValue()
          + ((Number) num(value)).doubleValue()) : Py.integer(Py.big(total).add(Py.big(value)));
    }
    return total;
  }

  private static Object num(Object v) {
    return v instanceof Boolean b ? (b ? 1 : 0) : v;
  }

  /** Ansible's flatten: nested lists to {@code levels} depth (all by default), dropping None by default. */
  private static List<Object> flatten(List<Object> items, Object levels, boolean skipNulls) {
    List<Object> out = new ArrayList<>();
    for (Object item : items) {
      if (item instanceof List<?> l) {
        if (levels == null) {
          out.addAll(flatten(new ArrayList<>(l), null, skipNulls));
        } else if (((Number) levels).intValue() > 1) {
          out.addAll(flatten(new ArrayList<>(l), ((Number) levels).intValue() - 1, skipNulls));
        } else {
          for (Object o : l) {
            if (!skipNulls || o != null && !"None".equals(o)) {
              out.add(o);
            }
          }
        }
      } else if (!skipNulls || item != null && !"None".equals(item)) {
        out.add(item);
      }
    }
    return out;
  }

  private static List<Object> dict2items(Object v, Filters.Args a) {
    if (!(v instanceof Map<?, ?> m)) {
      throw new ExprException("dict2items requires a dictionary, got " + Py.typeName(v) + " instead.");
    }
    String key = Py.str(a.get(0, "key_name", "key"));
    String value = Py.str(a.get(1, "value_name", "value"));
    List<Object> out = new ArrayList<>();
    m.forEach((k, x) -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put(key, k);
      item.put(value, x);
      out.add(item);
    });
    return out;
  }

  private static Map<Object, Object> items2dict(Object v, Filters.Args a) {
    String key = Py.str(a.get(0, "key_name", "key"));
    String value = Py.str(a.get(1, "value_name", "value"));
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Object item : list(v, "items2dict")) {
      if (!(item instanceof Map<?, ?> m) || !m.containsKey(key) || !m.containsKey(value)) {
        throw new ExprException("items2dict requires a list of dictionaries with keys '" + key + "' and '"
            + value + "', got " + Py.repr(item));
      }
      out.put(m.get(key), m.get(value));
    }
    return out;
  }

  private static Map<Object, Object> combine(Object v, Filters.Args a) {
    boolean recursive = Py.truthy(a.keywords().get("recursive"));
    Object listMerge = a.keywords().getOrDefault("list_merge", "replace");
    List<Object> dicts = new ArrayList<>();
    dicts.add(v);
    for (Object arg : a.positional()) {
      if (arg instanceof List<?> l) {
        dicts.addAll(l);
      } else {
        dicts.add(arg);
      }
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Object d : dicts) {
      if (!(d instanceof Map<?, ?> m)) {
        throw new ExprException("failed to combine variables, expected dicts but got " + Py.typeName(d));
      }
      merge(out, m, recursive, Py.str(listMerge));
    }
    return out;
  }

  private static void merge(Map<Object, Object> into, Map<?, ?> from, boolean recursive, String listMerge) {
    from.forEach((k, x) -> {
      Object old = into.get(k);
      if (recursive && old instanceof Map<?, ?> om && x instanceof Map<?, ?> xm) {
        Map<Object, Object> merged = new LinkedHashMap<>(om);
        merge(merged, xm, true, listMerge);
        into.put(k, merged);
      } else if (old instanceof List<?> ol && x instanceof List<?> xl && !listMerge.equals("replace")) {
        List<Object> merged = new ArrayList<>();
        switch (listMerge) {
          case "keep" -> merged.addAll(ol);
          case "append" -> { merged.addAll(ol); merged.addAll(xl); }
          case "prepend" -> { merged.addAll(xl); merged.addAll(ol); }
          case "append_rp" -> { ol.stream().filter(o -> !xl.contains(o)).forEach(merged::add); merged.addAll(xl); }
          case "prepend_rp" -> { merged.addAll(xl); ol.stream().filter(o -> !xl.contains(o)).forEach(merged::add); }
          default -> throw new ExprException("combine: unknown list_merge '" + listMerge + "'");
        }
        into.put(k, merged);
      } else {
        into.put(k, x);
      }
    });
  }

  private static String basename(String p) {
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** Python's posixpath.dirname: the head without trailing slashes unless it is all slashes. */
  private static String dirname(String p) {
    String head = p.substring(0, p.lastIndexOf('/') + 1);
    return head.matches("/*") ? head : head.replaceAll("/+$", "");
  }

  private static List<Object> splitext(String p) {
    int slash = p.lastIndexOf('/');
    int dot = p.lastIndexOf('.');
    if (dot > slash) {
      int start = slash + 1;
      while (start < dot && p.charAt(start) == '.') {
        start++;
      }
      if (start < dot) {
        return List.of(p.substring(0, dot), p.substring(dot));
      }
    }
    return List.of(p, "");
  }

  /** Ansible's regex_search: the match, or the groups named by '\\N' / '\\g<name>' arguments; else None. */
  private static Object regexSearch(Object v, Filters.Args a) {
    PyRegex regex = PyRegex.compile(a.get(0, "regex", ""), Py.truthy(a.keywords().get("ignorecase")),
        Py.truthy(a.keywords().get("multiline")));
    Matcher m = regex.matcher(Py.str(v));
    if (!m.find()) {
      return null;
    }
    if (a.size() < 2) {
      return m.group();
    }
    List<Object> groups = new ArrayList<>();
    for (Object ref : a.positional().subList(1, a.size())) {
      String r = Py.str(ref);
      if (r.matches("\\\\\\d+")) {
        groups.add(regex.group(m, r.substring(1)));
      } else if (r.matches("\\\\g<\\w+>")) {
        groups.add(regex.group(m, r.substring(3, r.length() - 1)));
      } else {
        throw new ExprException("regex_search: unknown argument '" + r + "'");
      }
    }
    return groups;
  }

  private static String b64decode(String s) {
    try {
      return new String(Base64.getMimeDecoder().decode(s.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ExprException("b64decode: invalid base64 input");
    }
  }

  private static Object abs(Object v) {
    if (!Py.isNumber(v)) {
      throw new ExprException("bad operand type for abs(): '" + Py.typeName(v) + "'");
    }
    return Py.isFloat(v) ? (Object) Math.abs(((Number) v).doubleValue()) : Py.integer(Py.big(v).abs());
  }

  /** Jinja's round: 'common' is Python's round() (half to even on the exact binary value), 'ceil'/'floor'. */
  private static Object round(Object v, Filters.Args a) {
    if (!Py.isNumber(v)) {
      throw new ExprException("filter 'round' expects a number, not " + Py.typeName(v));
    }
    int precision = ((Number) a.get(0, "precision", 0)).intValue();
    String method = Py.str(a.get(1, "method", "common"));
    RoundingMode mode = switch (method) {
      case "common" -> RoundingMode.HALF_EVEN;
      case "ceil" -> RoundingMode.CEILING;
      case "floor" -> RoundingMode.FLOOR;
      default -> throw new ExprException("method must be common, ceil or floor");
    };
    double d = v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
    if (!Double.isFinite(d)) {
      return d;
    }
    BigDecimal exact = method.equals("common") ? new BigDecimal(d) : BigDecimal.valueOf(d);
    return exact.setScale(precision, mode).doubleValue();
  }

  private static List<Object> setOp(String name, Object v, Object other) {
    List<Object> a = unique(list(v, name), new Filters.Args(List.of(true), Map.of()));
    List<Object> b = list(other, name);
    List<Object> out = new ArrayList<>();
    switch (name) {
      case "difference" -> a.stream().filter(x -> !Py.contains(b, x)).forEach(out::add);
      case "intersect" -> a.stream().filter(x -> Py.contains(b, x)).forEach(out::add);
      case "union" -> {
        out.addAll(a);
        b.stream().filter(x -> !Py.contains(out, x)).forEach(out::add);
        return unique(out, new Filters.Args(List.of(true), Map.of()));
      }
      default -> {
        a.stream().filter(x -> !Py.contains(b, x)).forEach(out::add);
        b.stream().filter(x -> !Py.contains(a, x) && !Py.contains(out, x)).forEach(out::add);
      }
    }
    return out;
  }

  private static List<Object> zip(Object v, Filters.Args a) {
    List<List<Object>> lists = new ArrayList<>();
    lists.add(list(v, "zip"));
    for (Object o : a.positional()) {
      lists.add(list(o, "zip"));
    }
    int n = lists.stream().mapToInt(List::size).min().orElse(0);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Object> row = new ArrayList<>();
      for (List<Object> l : lists) {
        row.add(l.get(i));
      }
      out.add(row);
    }
    return out;
  }
}
