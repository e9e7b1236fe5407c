package dev.hawser.engine.vars;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates Ansible {@code when:}-style conditions: Jinja expressions with and/or/not, comparisons,
 * {@code in}/{@code not in}, {@code is defined}/{@code is failed}/... tests and filters, translated to a
 * sandboxed JEXL expression. Values compare as in Jinja: {@code 1 == '1'} is false and {@code '5' > 3}
 * is an error ({@code x | int > 3} is the usual fix).
 */
public final class Conditions {
  private static final Set<String> TRUE_WORDS = Set.of("yes", "true", "on", "y", "1");
  private static final Set<String> FALSE_WORDS = Set.of("no", "false", "off", "n", "0", "");

  /**
   * Tests a condition: a Boolean, a String expression (optionally wrapped in {{ }}), or a List of those
   * that must all hold. Null, an empty string and an empty list hold.
   *
   * <p>A condition that is only a variable reference ({@code when: flag}) is read as a boolean the way
   * Ansible reads it: yes/true/on strings are true, no/false/off strings are false.
   */
  public boolean test(Object condition, Map<String, Object> vars) throws ConditionException {
    if (condition == null) {
      return true;
    }
    if (condition instanceof Boolean b) {
      return b;
    }
    if (condition instanceof Number n) {
      return Py.truthy(n);
    }
    if (condition instanceof List<?> list) {
      for (Object item : list) {
        if (!test(item, vars)) {
          return false;
        }
      }
      return true;
    }
    if (!(condition instanceof String text)) {
      throw new ConditionException("unsupported condition of type " + Py.typeName(condition), null);
    }
    return testString(text, vars);
  }

  private static boolean testString(String text, Map<String, Object> vars) throws ConditionException {
    String shown = text.strip().replaceAll("\\s+", " ");
    String expression = unwrap(text.strip());
    if (expression.isEmpty()) {
      return true;
    }
    Compiled compiled;
    try {
      compiled = Expressions.compile(expression);
    } catch (SyntaxException e) {
      throw new ConditionException("cannot parse condition '" + shown + "': " + e.getMessage(), null);
    }
    try {
      Object value = compiled.evaluate(new Resolver(vars));
      return compiled.barePath() ? bareTruth(value) : Py.truthy(value);
    } catch (UndefinedException e) {
      throw new ConditionException(e.getMessage() + " in condition '" + shown + "'", e.variable());
    } catch (ExprException e) {
      throw new ConditionException("cannot evaluate condition '" + shown + "': " + e.getMessage(), null);
    }
  }

  /** Ansible accepts (with a warning) conditions written as {{ expr }}. */
  private static String unwrap(String text) {
    if (text.startsWith("{{") && text.endsWith("}}") && text.indexOf("{{", 2) < 0) {
      return text.substring(2, text.length() - 2).strip();
    }
    return text;
  }

  private static boolean bareTruth(Object value) {
    if (value instanceof String s) {
      String word = s.strip().toLowerCase(java.util.Locale.ROOT);
      if (TRUE_WORDS.contains(word)) {
        return true;
      }
      if (FALSE_WORDS.contains(word)) {
        return false;
      }
    }
    return Py.truthy(value);
  }
}
