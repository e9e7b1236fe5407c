package dev.hawser.engine.vars;

/** Internal evaluation failure; converted to a public checked exception at the API boundary. */
class ExprException extends RuntimeException {
  ExprException(String message) {
    super(message, null, false, false);
  }
}
