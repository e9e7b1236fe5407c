package dev.hawser.engine.vars;

/** A compiled piece of an expression that yields a value. */
interface Operand {
  Object eval(Ctx ctx);
}
