package dev.hawser.modules.system;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.TaskModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sets host variables: every key given becomes a fact (the engine merges {@code ansible_facts}). */
public final class SetFactModule implements TaskModule {
  @Override
  public String name() {
    return "set_fact";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.set_fact");
  }

  @Override
  public String summary() {
    return "Sets variables on the host for the rest of the play";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(Param.bool("cacheable").doc("accepted for compatibility; facts are not cached"))
        .anyKeys();
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    Map<String, Object> facts = new LinkedHashMap<>(params.asMap());
    facts.remove("cacheable");
    if (facts.isEmpty()) {
      throw new ModuleException("No key/value pairs provided, at least one is required for this action to succeed");
    }
    for (String key : facts.keySet()) {
      if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new ModuleException("The variable name '" + key + "' is not valid. Variables must start with"
            + " a letter or underscore character, and contain only letters, numbers and underscores.");
      }
    }
    return new Change.None("", Map.of("ansible_facts", facts));
  }
}
