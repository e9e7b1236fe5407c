package dev.hawser.engine.vars;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks variables up in one variable map, templating string values that contain {@code {{ }}} when they
 * are used (as Ansible does) and detecting variables that refer to themselves.
 */
final class Resolver implements Scope {
  private final Map<String, Object> vars;
  private final Set<String> active = new HashSet<>();

  Resolver(Map<String, Object> vars) {
    this.vars = vars == null ? Map.of() : vars;
  }

  @Override
  public Object root(String name) {
    if (!vars.containsKey(name)) {
      if (name.equals("omit")) {
        return Templater.OMIT;
      }
      throw new UndefinedException(name);
    }
    return lazy(name, vars.get(name));
  }

  @Override
  public Resolver resolver() {
    return this;
  }

  /** {@code container[key]} / {@code container.key}; {@code path} names the result in errors. */
  Object child(Object container, Object key, String path) {
    if (container instanceof Map<?, ?> map) {
      Object k = key;
      if (!map.containsKey(k) && key instanceof Number) {
        k = key.toString();
      }
      if (map.containsKey(k)) {
        return lazy(path, map.get(k));
      }
    } else if (key instanceof Number n && !Py.isFloat(n)) {
      if (container instanceof List<?> list) {
        int i = index(n, list.size());
        if (i >= 0) {
          return lazy(path, list.get(i));
        }
      } else if (container instanceof String s) {
        int i = index(n, s.length());
        if (i >= 0) {
          return String.valueOf(s.charAt(i));
        }
      }
    }
    throw new UndefinedException(path);
  }

  private static int index(Number n, int size) {
    long i = n.longValue() < 0 ? n.longValue() + size : n.longValue();
    return i >= 0 && i < size ? (int) i : -1;
  }

  /** Renders {@code value} if it is a template string; {@code path} identifies it for loop detection. */
  Object lazy(String path, Object value) {
    if (!(value instanceof String s) || !s.contains("{{")) {
      return value;
    }
    if (!active.add(path)) {
      throw new ExprException("recursive loop in variable '" + path + "'");
    }
    try {
      return Renderer.value(s, this);
    } finally {
      active.remove(path);
    }
  }

  /** Renders every template string nested in {@code value}; returns the same object when nothing changed. */
  Object materialize(Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      boolean changed = false;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String p = path + "." + e.getKey();
        Object v = materialize(lazy(p, e.getValue()), p);
        changed |= v != e.getValue();
        copy.put(e.getKey(), v);
      }
      return changed ? copy : value;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      boolean changed = false;
      for (int i = 0; i < list.size(); i++) {
        String p = path + "[" + i + "]";
        Object v = materialize(lazy(p, list.get(i)), p);
        changed |= v != list.get(i);
        copy.add(v);
      }
      return changed ? copy : value;
    }
    return value;
  }
}
