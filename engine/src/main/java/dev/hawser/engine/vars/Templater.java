package dev.hawser.engine.vars;

import java.util.Map;

/**
 * Renders Ansible-style templated values with Mustache (HTML escaping off) plus a Jinja expression subset
 * inside tags: dotted names, {@code 'literals'}, numbers, operators and the filters default/d, lower, upper,
 * int, float, string, bool, length/count, join, to_json, quote, trim, first, last, replace.
 *
 * <p>Undefined variables are errors, except as the name of a section: {@code {{#x}}...{{/x}}} on an
 * undefined {@code x} renders nothing and {@code {{^x}}...{{/x}}} renders its body. Variable values that
 * themselves contain tags are rendered when used. Values print as Python would (True, None, ['a']).
 */
public final class Templater {
  /** The value of {@code omit}: a map entry or list item rendering to exactly this is dropped. */
  public static final Object OMIT = new Object() {
    @Override
    public String toString() {
      return "__omit_place_holder__";
    }
  };

  /**
   * Renders every string inside {@code value} (maps, lists, map keys containing tags); other values are
   * returned unchanged. A string that is exactly one tag yields the value with its own type.
   */
  public Object render(Object value, Map<String, Object> vars) throws TemplateException {
    try {
      return Renderer.deep(value, new Resolver(vars));
    } catch (ExprException e) {
      throw failure(e, null);
    }
  }

  /** Renders a template file's text; {@code name} (e.g. the file name) identifies it in errors. */
  public String renderText(String name, String template, Map<String, Object> vars) throws TemplateException {
    try {
      return Renderer.text(name, template, new Resolver(vars));
    } catch (ExprException e) {
      throw failure(e, name);
    }
  }

  private static TemplateException failure(ExprException e, String templateName) {
    int line = e instanceof Renderer.Located l ? l.line() : -1;
    ExprException cause = e;
    while (cause instanceof Renderer.Located l) {
      cause = l.original();
    }
    String message = cause.getMessage();
    if (templateName != null) {
      message += " in template '" + templateName + "'" + (line > 0 ? " line " + line : "");
    }
    String variable = cause instanceof UndefinedException u ? u.variable() : null;
    return new TemplateException(message, variable);
  }
}
