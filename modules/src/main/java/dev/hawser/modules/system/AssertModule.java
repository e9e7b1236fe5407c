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

/** Fails the task unless every condition holds; conditions are evaluated on the controller. */
public final class AssertModule implements TaskModule {
  @Override
  public String name() {
    return "assert";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.assert");
  }

  @Override
  public String summary() {
    return "Checks that conditions hold, failing the task otherwise";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.any("that").required().doc("a condition or a list of them"),
        Param.str("fail_msg").aliases("msg"),
        Param.str("success_msg").defaultTo("All assertions passed"),
        Param.bool("quiet"));
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    Object that = params.raw("that");
    // a single condition may contain commas, so it is not split like a list parameter
    List<String> conditions = that instanceof List<?> l ? l.stream().map(String::valueOf).toList()
        : List.of(String.valueOf(that));
    for (String condition : conditions) {
      if (!host.controller().evaluate(condition)) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("evaluated_to", false);
        data.put("assertion", condition);
        throw new ModuleException(params.opt("fail_msg").orElse("Assertion failed"), data);
      }
    }
    String msg = params.str("success_msg");
    // as Ansible, a passing assert shows {"changed": false, "msg": ...} unless quiet
    return new Change.None(msg, params.bool("quiet") ? Map.of("msg", msg)
        : Map.of("msg", msg, "_hawser_show", "with_changed"));
  }
}
