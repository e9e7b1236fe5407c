package dev.hawser.engine.testing;

import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Templates;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The controller side of a test host: variables, controller files and canned condition answers. */
public final class FakeController implements Remote.Controller {
  private final Map<String, Object> vars = new LinkedHashMap<>();
  private final Map<String, byte[]> files = new HashMap<>();
  private final Map<String, Boolean> conditions = new HashMap<>();

  public FakeController var(String name, Object value) {
    vars.put(name, value);
    return this;
  }

  public FakeController file(String path, String content) {
    files.put(path, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public FakeController condition(String condition, boolean value) {
    conditions.put(condition, value);
    return this;
  }

  @Override
  public Map<String, Object> vars() {
    return vars;
  }

  @Override
  public byte[] readFile(String path, String kind) throws ModuleException {
    byte[] b = files.get(path);
    if (b == null) {
      throw new ModuleException("could not find " + path + " in " + kind + "/ or beside the playbook");
    }
    return b;
  }

  @Override
  public String render(String template) {
    return Templates.renderLenient("test", template, vars);
  }

  @Override
  public String render(String template, Map<String, Object> extra) {
    Map<String, Object> scope = new HashMap<>(vars);
    scope.putAll(extra);
    return Templates.renderLenient("test", template, scope);
  }

  @Override
  public boolean evaluate(String condition) {
    Boolean b = conditions.get(condition);
    if (b == null) {
      throw new AssertionError("no answer for condition: " + condition);
    }
    return b;
  }
}
