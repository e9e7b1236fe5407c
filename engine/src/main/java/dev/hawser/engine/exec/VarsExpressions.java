package dev.hawser.engine.exec;

import dev.hawser.engine.vars.ConditionException;
import dev.hawser.engine.vars.Conditions;
import dev.hawser.engine.vars.TemplateException;
import dev.hawser.engine.vars.Templater;
import java.util.Map;

/** {@link Expressions} backed by the engine's Mustache templater and sandboxed conditions. */
final class VarsExpressions implements Expressions {
  private final Templater templater = new Templater();
  private final Conditions conditions = new Conditions();

  @Override
  public Object render(Object value, Map<String, Object> vars) throws ExpressionException {
    try {
      return templater.render(value, vars);
    } catch (TemplateException e) {
      throw new ExpressionException(e.getMessage());
    }
  }

  @Override
  public String renderText(String name, String text, Map<String, Object> vars) throws ExpressionException {
    try {
      return templater.renderText(name, text, vars);
    } catch (TemplateException e) {
      throw new ExpressionException(e.getMessage());
    }
  }

  @Override
  public boolean test(Object condition, Map<String, Object> vars) throws ExpressionException {
    try {
      return conditions.test(condition, vars);
    } catch (ConditionException e) {
      throw new ExpressionException(e.getMessage());
    }
  }
}
