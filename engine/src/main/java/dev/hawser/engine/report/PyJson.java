package dev.hawser.engine.report;

import dev.hawser.engine.internal.PyJsonStrings;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON text exactly as Python's {@code json.dumps(v, sort_keys=True, ensure_ascii=False)} writes
 * it, which is what Ansible prints after {@code =>}: {@code ", "} and {@code ": "} separators on
 * one line, or 4-space indentation with {@code ","} separators when indented.
 */
final class PyJson {
  private PyJson() {}

  static String oneLine(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, -1);
    return sb.toString();
  }

  static String indented(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    return sb.toString();
  }

  /** {@code depth < 0} means one line. */
  private static void write(StringBuilder sb, Object v, int depth) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (v instanceof Double || v instanceof Float) {
      sb.append(floating(((Number) v).doubleValue()));
    } else if (v instanceof BigDecimal d) {
      sb.append(d.toPlainString());
    } else if (v instanceof Number n) {
      sb.append(n.toString());
    } else if (v instanceof Map<?, ?> m) {
      map(sb, m, depth);
    } else if (v instanceof Collection<?> c) {
      list(sb, c.toArray(), depth);
    } else if (v instanceof Object[] a) {
      list(sb, a, depth);
    } else {
      string(sb, String.valueOf(v));
    }
  }

  private static void map(StringBuilder sb, Map<?, ?> m, int depth) {
    if (m.isEmpty()) {
      sb.append("{}");
      return;
    }
    Map<String, Object> sorted = new TreeMap<>();
    m.forEach((k, val) -> sorted.put(String.valueOf(k), val));
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : sorted.entrySet()) {
      separator(sb, first, depth + 1, depth);
      first = false;
      string(sb, e.getKey());
      sb.append(": ");
      write(sb, e.getValue(), depth < 0 ? -1 : depth + 1);
    }
    close(sb, depth);
    sb.append('}');
  }

  private static void list(StringBuilder sb, Object[] items, int depth) {
    if (items.length == 0) {
      sb.append("[]");
      return;
    }
    sb.append('[');
    boolean first = true;
    for (Object item : items) {
      separator(sb, first, depth + 1, depth);
      first = false;
      write(sb, item, depth < 0 ? -1 : depth + 1);
    }
    close(sb, depth);
    sb.append(']');
  }

  private static void separator(StringBuilder sb, boolean first, int inner, int depth) {
    if (depth < 0) {
      if (!first) {
        sb.append(", ");
      }
      return;
    }
    if (!first) {
      sb.append(',');
    }
    sb.append('\n').append("    ".repeat(inner));
  }

  private static void close(StringBuilder sb, int depth) {
    if (depth >= 0) {
      sb.append('\n').append("    ".repeat(depth));
    }
  }

  private static String floating(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    // Python's repr: shortest round-trip digits, fixed notation for 1e-4 <= |d| < 1e16.
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exp = bd.precision() - bd.scale() - 1;
    if (exp >= -4 && exp < 16) {
      String plain = bd.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String digits = bd.unscaledValue().abs().toString();
    String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
    return (d < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+")
        + String.format("%02d", Math.abs(exp));
  }

  static void string(StringBuilder sb, String s) {
    PyJsonStrings.append(sb, s, false);
  }
}
