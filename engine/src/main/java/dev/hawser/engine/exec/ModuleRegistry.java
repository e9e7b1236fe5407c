package dev.hawser.engine.exec;

import dev.hawser.engine.playbook.ModuleCatalog;
import dev.hawser.engine.spi.TaskModule;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The modules on the class path, found by ServiceLoader, by name and alias. */
public final class ModuleRegistry implements ModuleCatalog {
  private final Map<String, TaskModule> byName = new TreeMap<>();
  private final Map<String, TaskModule> byAlias = new TreeMap<>();

  public ModuleRegistry(Iterable<TaskModule> modules) {
    add(new dev.hawser.engine.playbook.IncludeTasks());
    for (TaskModule m : modules) {
      add(m);
    }
  }

  private void add(TaskModule m) {
    byName.put(m.name(), m);
    byAlias.put(m.name(), m);
    m.aliases().forEach(a -> byAlias.put(a, m));
  }

  public static ModuleRegistry load() {
    return new ModuleRegistry(ServiceLoader.load(TaskModule.class));
  }

  @Override
  public Optional<TaskModule> find(String name) {
    TaskModule m = byAlias.get(name);
    if (m == null && (name.startsWith("ansible.builtin.") || name.startsWith("ansible.legacy."))) {
      m = byAlias.get(name.substring(name.lastIndexOf('.') + 1));
    }
    return Optional.ofNullable(m);
  }

  @Override
  public Collection<TaskModule> all() {
    return byName.values();
  }
}
