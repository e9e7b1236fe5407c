package dev.hawser.engine.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Validated, converted parameters of one task on one host. Getters return null when unset. */
public final class Params {
  private final Map<String, Object> values;
  private final ParamSpec spec;

  Params(Map<String, Object> values, ParamSpec spec) {
    this.values = java.util.Collections.unmodifiableMap(values);
    this.spec = spec;
  }

  public boolean has(String name) {
    return values.get(name) != null;
  }

  public String str(String name) {
    Object v = values.get(name);
    return v == null ? null : String.valueOf(v);
  }

  public Optional<String> opt(String name) {
    return Optional.ofNullable(str(name));
  }

  public Integer integer(String name) {
    Object v = values.get(name);
    return v == null ? null : v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString());
  }

  public boolean bool(String name) {
    Object v = values.get(name);
    if (v == null) {
      return false;
    }
    try {
      return ParamValues.toBool(Param.bool(name), v);
    } catch (ParamSpec.ParamException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** A list parameter as strings. Empty when unset. */
  public List<String> strings(String name) {
    Object v = values.get(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(v));
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> dict(String name) {
    Object v = values.get(name);
    return v == null ? Map.of() : (Map<String, Object>) v;
  }

  public Object raw(String name) {
    return values.get(name);
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public ParamSpec spec() {
    return spec;
  }
}
