package dev.hawser.engine.vars;

/** A variable or attribute path that is not defined. */
final class UndefinedException extends ExprException {
  private final String variable;

  UndefinedException(String variable) {
    super("undefined variable '" + variable + "'");
    this.variable = variable;
  }

  String variable() {
    return variable;
  }
}
