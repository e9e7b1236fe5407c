package dev.hawser.engine.vars;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variable layers of one host and task, in Ansible precedence order, lowest first: inventory vars,
 * play {@code vars}, play {@code vars_files}, block/task {@code vars}, registered results and set_fact,
 * extra vars ({@code -e}). Merging replaces whole top-level values (Ansible's hash_behaviour=replace).
 */
public final class VarScopes {
  private enum Layer { INVENTORY, PLAY_VARS, VARS_FILES, TASK_VARS, HOST_FACTS, EXTRA }

  private final Map<Layer, Map<String, Object>> layers;

  private VarScopes(Map<Layer, Map<String, Object>> layers) {
    this.layers = layers;
  }

  public static Builder builder() {
    return new Builder(new EnumMap<>(Layer.class));
  }

  /** A builder holding these layers, e.g. to add a task's vars on top of the play's. */
  public Builder toBuilder() {
    Map<Layer, Map<String, Object>> copy = new EnumMap<>(Layer.class);
    layers.forEach((layer, vars) -> copy.put(layer, new LinkedHashMap<>(vars)));
    return new Builder(copy);
  }

  /** All layers merged, higher layers replacing lower ones key by key; unmodifiable, null values kept. */
  public Map<String, Object> merged() {
    Map<String, Object> all = new LinkedHashMap<>();
    layers.values().forEach(all::putAll);
    return Collections.unmodifiableMap(all);
  }

  /** Each method adds to its layer; a later call for the same layer overrides an earlier one key by key. */
  public static final class Builder {
    private final Map<Layer, Map<String, Object>> layers;

    private Builder(Map<Layer, Map<String, Object>> layers) {
      this.layers = layers;
    }

    /** The host's inventory variables (group and host vars, already merged by the inventory). */
    public Builder inventory(Map<String, ?> vars) {
      return add(Layer.INVENTORY, vars);
    }

    public Builder playVars(Map<String, ?> vars) {
      return add(Layer.PLAY_VARS, vars);
    }

    /** The contents of the play's vars_files; call once per file, in order. */
    public Builder varsFiles(Map<String, ?> vars) {
      return add(Layer.VARS_FILES, vars);
    }

    /** Block vars then task vars (call for each, outermost block first). */
    public Builder taskVars(Map<String, ?> vars) {
      return add(Layer.TASK_VARS, vars);
    }

    /** Registered results and set_fact values of the host. */
    public Builder hostFacts(Map<String, ?> vars) {
      return add(Layer.HOST_FACTS, vars);
    }

    /** Extra vars from the command line; they win over everything. */
    public Builder extra(Map<String, ?> vars) {
      return add(Layer.EXTRA, vars);
    }

    public VarScopes build() {
      Map<Layer, Map<String, Object>> copy = new EnumMap<>(Layer.class);
      layers.forEach((layer, vars) -> copy.put(layer, new LinkedHashMap<>(vars)));
      return new VarScopes(copy);
    }

    private Builder add(Layer layer, Map<String, ?> vars) {
      if (vars != null) {
        layers.computeIfAbsent(layer, l -> new LinkedHashMap<>()).putAll(vars);
      }
      return this;
    }
  }
}
