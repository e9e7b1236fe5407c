package dev.hawser.engine.vars;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Python/Jinja value semantics: truthiness, equality, ordering, membership and str()/repr(). */
final class Py {
  private Py() {}

  static Number integer(BigInteger v) {
    if (v.bitLength() < 32) {
      return v.intValue();
    }
    return v.bitLength() < 64 ? (Number) v.longValue() : v;
  }

  static boolean isNumber(Object v) {
    return v instanceof Number || v instanceof Boolean;
  }

  static boolean isFloat(Object v) {
    return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
  }

  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return isFloat(n) ? n.doubleValue() != 0.0 : big(n).signum() != 0;
    }
    if (v instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (v instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return v != Templater.OMIT;
  }

  /** Ansible's {@code bool} filter: yes/on/1/true (any case) and the number 1 are true, all else false. */
  static boolean ansibleBool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      String l = s.trim().toLowerCase(java.util.Locale.ROOT);
      return l.equals("yes") || l.equals("on") || l.equals("1") || l.equals("true") || l.equals("y");
    }
    return v instanceof Number && eq(v, 1);
  }

  static BigInteger big(Object v) {
    if (v instanceof Boolean b) {
      return b ? BigInteger.ONE : BigInteger.ZERO;
    }
    if (v instanceof BigInteger b) {
      return b;
    }
    if (v instanceof BigDecimal d) {
      return d.toBigInteger();
    }
    Number n = (Number) v;
    return isFloat(n) ? BigDecimal.valueOf(n.doubleValue()).toBigInteger() : BigInteger.valueOf(n.longValue());
  }

  private static double dbl(Object v) {
    return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
  }

  private static int numCompare(Object a, Object b) {
    if (isFloat(a) || isFloat(b)) {
      double x = dbl(a);
      double y = dbl(b);
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        return Double.compare(x, y);
      }
      return BigDecimal.valueOf(x).compareTo(BigDecimal.valueOf(y));
    }
    return big(a).compareTo(big(b));
  }

  static boolean eq(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (isNumber(a) && isNumber(b)) {
      return a instanceof Boolean && b instanceof Boolean ? a.equals(b) : numCompare(a, b) == 0;
    }
    if (a instanceof CharSequence && b instanceof CharSequence) {
      return a.toString().equals(b.toString());
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!eq(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !eq(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  static int compare(Object a, Object b, String op) {
    if (isNumber(a) && isNumber(b)) {
      return numCompare(a, b);
    }
    if (a instanceof CharSequence && b instanceof CharSequence) {
      return a.toString().compareTo(b.toString());
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        if (!eq(x.get(i), y.get(i))) {
          return compare(x.get(i), y.get(i), op);
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    throw new ExprException("'" + op + "' not supported between instances of '" + typeName(a)
        + "' and '" + typeName(b) + "'");
  }

  static boolean contains(Object container, Object item) {
    if (container instanceof CharSequence s) {
      if (!(item instanceof CharSequence)) {
        throw new ExprException("'in <string>' requires string as left operand, not " + typeName(item));
      }
      return s.toString().contains(item.toString());
    }
    Iterable<?> items = container instanceof Map<?, ?> m ? m.keySet() : container instanceof Iterable<?> i ? i : null;
    if (items == null) {
      throw new ExprException("argument of type '" + typeName(container) + "' is not iterable");
    }
    for (Object o : items) {
      if (eq(o, item)) {
        return true;
      }
    }
    return false;
  }

  static String typeName(Object v) {
    if (v == null) {
      return "NoneType";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Number) {
      return isFloat(v) ? "float" : "int";
    }
    if (v instanceof CharSequence) {
      return "str";
    }
    if (v instanceof List) {
      return "list";
    }
    return v instanceof Map ? "dict" : v.getClass().getSimpleName();
  }

  /** Python {@code str()}: None, True/False, lists and dicts as Python literals. */
  static String str(Object v) {
    if (v instanceof CharSequence s) {
      return s.toString();
    }
    if (v instanceof Double || v instanceof Float) {
      return floatStr(((Number) v).doubleValue());
    }
    if (v == null || v instanceof Boolean || v instanceof List || v instanceof Map) {
      return repr(v);
    }
    return v.toString();
  }

  private static String floatStr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    String s = Double.toString(d);
    if (s.contains("E") && Math.abs(d) >= 1e-4 && Math.abs(d) < 1e16) {
      s = BigDecimal.valueOf(d).toPlainString();
      return s.contains(".") ? s : s + ".0";
    }
    return s.replace("E-", "e-").replace("E", "e+");
  }

  static String repr(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof CharSequence s) {
      return quote(s.toString());
    }
    if (v instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
        sb.append(repr(it.next())).append(it.hasNext() ? ", " : "");
      }
      return sb.append(']').toString();
    }
    if (v instanceof Map<?, ?> map) {
      StringBuilder sb = new StringBuilder("{");
      for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<?, ?> e = it.next();
        sb.append(repr(e.getKey())).append(": ").append(repr(e.getValue())).append(it.hasNext() ? ", " : "");
      }
      return sb.append('}').toString();
    }
    return str(v);
  }

  private static String quote(String s) {
    char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
    StringBuilder sb = new StringBuilder().append(q);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c == q ? "\\" + c : String.valueOf(c));
      }
    }
    return sb.append(q).toString();
  }
}
