package dev.hawser.engine.vars;

import dev.hawser.engine.internal.PyJsonStrings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON text formatted as Python's json.dumps does by default (", " and ": " separators, ASCII only). */
final class Json {
  private Json() {}

  static String dumps(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString();
  }

  /** Python's json.dumps(v, indent=indent, sort_keys=sortKeys, separators=(',', ': ')). */
  static String pretty(Object value, int indent, boolean sortKeys) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, " ".repeat(Math.max(indent, 0)), "\n", sortKeys);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v, String indent, String newline, boolean sortKeys) {
    if (v instanceof Map<?, ?> map && !map.isEmpty()) {
      List<Object> keys = new ArrayList<>(map.keySet());
      if (sortKeys) {
        keys.sort((x, y) -> Py.compare(x, y, "<"));
      }
      String inner = newline + indent;
      sb.append('{');
      for (int i = 0; i < keys.size(); i++) {
        Object key = keys.get(i);
        sb.append(inner);
        string(sb, key instanceof String s ? s : key == null || key instanceof Boolean ? dumps(key) : Py.str(key));
        sb.append(": ");
        write(sb, map.get(key), indent, inner, sortKeys);
        sb.append(i + 1 < keys.size() ? "," : "");
      }
      sb.append(newline).append('}');
    } else if (v instanceof List<?> list && !list.isEmpty()) {
      String inner = newline + indent;
      sb.append('[');
      for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
        sb.append(inner);
        write(sb, it.next(), indent, inner, sortKeys);
        sb.append(it.hasNext() ? "," : "");
      }
      sb.append(newline).append(']');
    } else {
      write(sb, v);
    }
  }

  private static void write(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      sb.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : Py.str(v));
    } else if (v instanceof Number) {
      sb.append(v);
    } else if (v instanceof Map<?, ?> map) {
      sb.append('{');
      for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<?, ?> e = it.next();
        Object key = e.getKey();
        string(sb, key instanceof String s ? s : key == null || key instanceof Boolean ? dumps(key) : Py.str(key));
        sb.append(": ");
        write(sb, e.getValue());
        sb.append(it.hasNext() ? ", " : "");
      }
      sb.append('}');
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
        write(sb, it.next());
        sb.append(it.hasNext() ? ", " : "");
      }
      sb.append(']');
    } else {
      string(sb, v.toString());
    }
  }

  private static void string(StringBuilder sb, String s) {
    PyJsonStrings.append(sb, s, true);
  }
}
