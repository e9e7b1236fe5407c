package dev.hawser.engine.exec;

import java.util.Map;

/** Templating and conditions as the executor uses them (backed by engine.vars). */
interface Expressions {
  Object render(Object value, Map<String, Object> vars) throws ExpressionException;

  String renderText(String name, String text, Map<String, Object> vars) throws ExpressionException;

  boolean test(Object condition, Map<String, Object> vars) throws ExpressionException;

  /** A templating or condition error; the message is one line ("undefined variable 'x'"). */
  final class ExpressionException extends Exception {
    ExpressionException(String message) {
      super(message, null, false, false);
    }
  }
}
