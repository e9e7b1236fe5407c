package dev.hawser.engine.vars;

/** A template could not be rendered: undefined variable, bad expression, recursive variable, ... */
public final class TemplateException extends Exception {
  private final String variable;

  TemplateException(String message, String variable) {
    super(message, null, false, false);
    this.variable = variable;
  }

  /** The undefined variable (dotted path, e.g. {@code r.stdout}), or null when the failure is of another kind. */
  public String variable() {
    return variable;
  }
}
