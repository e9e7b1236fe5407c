package dev.hawser.engine.playbook;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.TaskModule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * include_tasks is read when the playbook is parsed (its file name must be literal), but, as in
 * Ansible, it still shows as a task of its own that each host passes through: this is that task.
 */
public final class IncludeTasks implements TaskModule {
  static Task marker(Map<String, Object> m, Path file, Position at) {
    Object name = m.get("name");
    return new Task(name == null ? "include_tasks" : String.valueOf(name), "include_tasks",
        Map.of("file", file.toString()), null, null, "item", null, null, List.of(), List.of(), List.of(), false,
        null, null, null, null, Map.of(), false, Map.of(), null, false, null, at, null, null);
  }

  @Override
  public String name() {
    return "include_tasks";
  }

  @Override
  public String summary() {
    return "Runs the tasks of another file (read when the playbook is parsed)";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(Param.str("file").required());
  }

  @Override
  public Change plan(Params params, Remote host) {
    return new Change.None("", Map.of("_hawser_included", params.str("file")));
  }
}
