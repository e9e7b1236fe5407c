package dev.hawser.engine.vars;

/** A {@code when:}-style condition could not be parsed or evaluated. */
public final class ConditionException extends Exception {
  private final String variable;

  ConditionException(String message, String variable) {
    super(message, null, false, false);
    this.variable = variable;
  }

  /** The undefined variable that made evaluation fail, or null when the failure is of another kind. */
  public String variable() {
    return variable;
  }
}
