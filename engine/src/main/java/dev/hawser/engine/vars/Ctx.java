package dev.hawser.engine.vars;

import java.util.Map;
import org.apache.commons.jexl3.JexlContext;

/**
 * The JEXL context of one evaluation. JEXL only ever sees synthetic names (literals, variable paths,
 * filters, tests), each computed on demand here, so short-circuiting {@code and}/{@code or} stays lazy.
 */
final class Ctx implements JexlContext {
  private final Map<String, Operand> nodes;
  private final Scope scope;

  Ctx(Map<String, Operand> nodes, Scope scope) {
    this.nodes = nodes;
    this.scope = scope;
  }

  Scope scope() {
    return scope;
  }

  @Override
  public Object get(String name) {
    Operand node = nodes.get(name);
    if (node == null) {
      throw new ExprException("internal error: unknown name " + name);
    }
    return node.eval(this);
  }

  @Override
  public void set(String name, Object value) {
    throw new ExprException("assignment is not supported");
  }

  @Override
  public boolean has(String name) {
    return nodes.containsKey(name);
  }
}
