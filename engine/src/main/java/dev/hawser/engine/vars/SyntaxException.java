package dev.hawser.engine.vars;

/** An expression that cannot be parsed or uses an unsupported construct. */
final class SyntaxException extends ExprException {
  SyntaxException(String message) {
    super(message);
  }
}
