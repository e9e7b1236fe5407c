package dev.hawser.engine.vars;

import java.util.Map;

/**
 * A parsed expression: the root operand plus the synthetic JEXL variables it refers to.
 * {@code barePath} is true when the whole expression is a variable reference such as {@code flag} or {@code r.ok}.
 */
record Compiled(Operand root, Map<String, Operand> nodes, boolean barePath) {
  Object evaluate(Scope scope) {
    return root.eval(new Ctx(nodes, scope));
  }
}
