package dev.hawser.cli;

import dev.hawser.engine.vars.ExtraVars;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** All -e arguments merged in order (later wins), as ansible-playbook does. */
final class ExtraVarsOption {
  private ExtraVarsOption() {}

  static Map<String, Object> parse(List<String> args) throws CliException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String a : args) {
      try {
        out.putAll(ExtraVars.parse(a, Path.of("")));
      } catch (IllegalArgumentException e) {
        throw new CliException("-e: " + e.getMessage());
      }
    }
    return out;
  }
}
