package dev.hawser.engine.playbook;

import dev.hawser.engine.spi.TaskModule;
import java.util.Collection;
import java.util.Optional;

/** Looks modules up by name (or alias, e.g. ansible.builtin.copy). */
public interface ModuleCatalog {
  Optional<TaskModule> find(String name);

  Collection<TaskModule> all();
}
