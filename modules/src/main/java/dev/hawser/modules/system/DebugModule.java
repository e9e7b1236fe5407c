package dev.hawser.modules.system;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.TaskModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a message or a variable. The engine has already templated {@code msg}; {@code var} is
 * looked up by name, following dots into mappings ({@code ansible_facts.hostname}).
 */
public final class DebugModule implements TaskModule {
  static final String UNDEFINED = "VARIABLE IS NOT DEFINED!";

  @Override
  public String name() {
    return "debug";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.debug");
  }

  @Override
  public String summary() {
    return "Prints a message or a variable's value";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.any("msg").defaultTo("Hello world!"),
        Param.str("var").doc("a variable name, dots go into mappings"),
        Param.integer("verbosity").defaultTo(0).doc("shown only from this many -v on"))
        .mutuallyExclusive("msg", "var");
  }

  @Override
  public Change plan(Params params, Remote host) {
    Map<String, Object> data = new LinkedHashMap<>();
    String msg = "";
    if (params.has("var")) {
      String var = params.str("var").strip();
      data.put(var, lookup(host.controller().vars(), var));
    } else {
      Object m = params.raw("msg");
      data.put("msg", m);
      msg = String.valueOf(m);
    }
    // the console reporter prints results carrying _hawser_show, when -v reaches the verbosity
    data.put("_hawser_show", true);
    data.put("_hawser_verbosity", params.integer("verbosity"));
    return new Change.None(msg, data);
  }

  /** The value at a dotted path, or Ansible's "not defined" text. */
  static Object lookup(Map<String, Object> vars, String path) {
    Object at = vars;
    for (String key : path.split("\\.")) {
      if (!(at instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return UNDEFINED;
      }
      at = map.get(key);
    }
    return at;
  }
}
