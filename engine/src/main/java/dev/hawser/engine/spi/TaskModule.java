package dev.hawser.engine.spi;

import java.util.List;

/**
 * A Hawser module, found by {@link java.util.ServiceLoader}.
 *
 * <p>{@link #plan} reads the host's current state (through {@link Remote#run} or {@link Remote#fact})
 * and returns what would have to change: {@link Change#none()} when the host is already as asked, or
 * {@link Change.Pending} with the {@link Step}s that get it there. {@code plan} must never change the
 * host itself: the engine applies the steps, or, in check mode, only reports them. Modules never see
 * check mode.
 */
public interface TaskModule {
  /** The name used in playbooks, e.g. {@code copy}. */
  String name();

  /** Other names this module answers to, e.g. {@code ansible.builtin.copy}. */
  default List<String> aliases() {
    return List.of();
  }

  /** One line describing the module, for {@code hawser doc}. */
  default String summary() {
    return "";
  }

  /**
   * False for modules whose steps cannot be predicted, only run (command, shell, raw): under
   * --check the engine then reports the task as skipped, as Ansible does, instead of changed.
   */
  default boolean supportsCheckMode() {
    return true;
  }

  /** Parameters: drives validation, defaults and documentation. */
  ParamSpec spec();

  /** Reads state and decides. Throws {@link ModuleException} to fail the task with a clear message. */
  Change plan(Params params, Remote host) throws ModuleException;
}
