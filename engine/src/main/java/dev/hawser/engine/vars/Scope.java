package dev.hawser.engine.vars;

/** Where an expression looks up its top-level names. */
interface Scope {
  /** The value of {@code name}, lazily templated; throws {@link UndefinedException} when absent. */
  Object root(String name);

  Resolver resolver();
}
