package dev.hawser.engine.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A module's parameters and the rules between them. {@link #validate} turns the raw task arguments
 * into {@link Params}: unknown names, missing required ones, wrong types and bad choices are errors
 * naming the parameter.
 */
public final class ParamSpec {
  private final List<Param> params;
  private final String freeFormParam;
  private final List<List<String>> exclusive;
  private final List<List<String>> oneOf;
  private final boolean anyKeys;

  private ParamSpec(List<Param> params, String freeFormParam, List<List<String>> exclusive,
      List<List<String>> oneOf, boolean anyKeys) {
    this.params = List.copyOf(params);
    this.freeFormParam = freeFormParam;
    this.exclusive = List.copyOf(exclusive);
    this.oneOf = List.copyOf(oneOf);
    this.anyKeys = anyKeys;
  }

  public static ParamSpec of(Param... params) {
    return new ParamSpec(List.of(params), null, List.of(), List.of(), false);
  }

  /** Accepts any parameter name (as {@link Param.Type#ANY}) besides the declared ones: set_fact. */
  public ParamSpec anyKeys() {
    return new ParamSpec(params, freeFormParam, exclusive, oneOf, true);
  }

  public boolean acceptsAnyKey() {
    return anyKeys;
  }

  /**
   * The module takes free-form text ({@code command: ls -l} or {@code shell: echo hi chdir=/tmp});
   * that text goes into {@code param}. Modules without it take {@code k=v} pairs only.
   */
  public ParamSpec freeForm(String param) {
    return new ParamSpec(params, param, exclusive, oneOf, anyKeys);
  }

  /** At most one of these may be given. */
  public ParamSpec mutuallyExclusive(String... names) {
    List<List<String>> e = new ArrayList<>(exclusive);
    e.add(List.of(names));
    return new ParamSpec(params, freeFormParam, e, oneOf, anyKeys);
  }

  /** At least one of these must be given. */
  public ParamSpec requireOneOf(String... names) {
    List<List<String>> o = new ArrayList<>(oneOf);
    o.add(List.of(names));
    return new ParamSpec(params, freeFormParam, exclusive, o, anyKeys);
  }

  public List<Param> params() {
    return params;
  }

  public Optional<String> freeFormParam() {
    return Optional.ofNullable(freeFormParam);
  }

  /** The parameter called {@code name} or one of its aliases. */
  public Optional<Param> find(String name) {
    for (Param p : params) {
      if (p.name().equals(name) || p.aliases().contains(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Checks and converts raw arguments. With {@code partial}, values that still hold an unrendered
   * template ({@code {{ }}}) are only checked for presence: used before any host is contacted.
   */
  public Params validate(Map<String, Object> raw, boolean partial) throws ParamException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      Param p = find(e.getKey()).orElse(anyKeys ? Param.any(e.getKey()) : null);
      if (p == null) {
        throw new ParamException(e.getKey(), "unsupported parameter" + suggestion(e.getKey()));
      }
      if (out.containsKey(p.name())) {
        throw new ParamException(e.getKey(), "given twice (also as " + p.name() + ")");
      }
      Object v = e.getValue();
      if (partial && ParamValues.isTemplated(v)) {
        out.put(p.name(), v);
      } else if (v != null) {
        out.put(p.name(), ParamValues.convert(p, v));
      }
    }
    for (Param p : params) {
      if (!out.containsKey(p.name())) {
        if (p.isRequired()) {
          throw new ParamException(p.name(), "missing required parameter");
        }
        if (p.defaultValue() != null) {
          out.put(p.name(), p.defaultValue());
        }
      }
    }
    for (List<String> group : exclusive) {
      List<String> given = group.stream().filter(raw::containsKey).toList();
      if (given.size() > 1) {
        throw new ParamException(given.get(1), "mutually exclusive with " + given.get(0));
      }
    }
    for (List<String> group : oneOf) {
      if (group.stream().noneMatch(n -> raw.containsKey(n) || find(n).map(p -> aliasGiven(p, raw)).orElse(false))) {
        throw new ParamException(group.get(0), "one of " + String.join(", ", group) + " is required");
      }
    }
    return new Params(out, this);
  }

  private static boolean aliasGiven(Param p, Map<String, Object> raw) {
    return raw.containsKey(p.name()) || p.aliases().stream().anyMatch(raw::containsKey);
  }

  private String suggestion(String name) {
    List<String> names = params.stream().map(Param::name).toList();
    return names.isEmpty() ? " (this module takes none)" : " (supported: " + String.join(", ", names) + ")";
  }

  /** A parameter problem: the engine adds file:line and the task name. */
  public static final class ParamException extends Exception {
    private final String param;

    public ParamException(String param, String message) {
      super(message);
      this.param = param;
    }

    public String param() {
      return param;
    }
  }
}
