package dev.hawser.engine.vars;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.reflect.AbstractObjectHandler;
import com.github.mustachejava.util.Wrapper;
import java.util.List;
import java.util.Map;

/**
 * Resolves Mustache tag names as Jinja expressions ({@code a.b}, {@code x | default('y')}) against the
 * section scopes and the variables, without any reflection on Java objects. A plain tag whose variable is
 * undefined is an error; a section ({@code {{#x}}} / {@code {{^x}}}) on an undefined or falsy value is
 * simply false.
 */
final class TagHandler extends AbstractObjectHandler {
  @Override
  public Wrapper find(String name, List<Object> scopes) {
    return s -> value(name, s);
  }

  @Override
  public Binding createBinding(String name, TemplateContext tc, Code code) {
    boolean section = code instanceof IterableCode || code instanceof NotIterableCode;
    return scopes -> section ? section(name, scopes) : value(name, scopes);
  }

  @Override
  public String stringify(Object object) {
    return Py.str(object);
  }

  private static Object section(String name, List<Object> scopes) {
    try {
      Object v = Renderer.tag(name, scope(scopes));
      return Py.truthy(v) ? v : null;
    } catch (UndefinedException e) {
      return null;
    }
  }

  private static String value(String name, List<Object> scopes) {
    Object v = Renderer.tag(name, scope(scopes));
    if (v == Templater.OMIT) {
      throw new ExprException("'omit' can only be used as a whole value, not inside {{ " + name + " }}");
    }
    return Py.str(v);
  }

  private static Scope scope(List<Object> scopes) {
    if (scopes.isEmpty() || !(scopes.get(0) instanceof Resolver resolver)) {
      throw new ExprException("internal error: template rendered without variables");
    }
    return new SectionScope(resolver, scopes);
  }

  /** Names are looked up in the innermost section item that is a mapping holding them, then in the variables. */
  private record SectionScope(Resolver resolver, List<Object> scopes) implements Scope {
    @Override
    public Object root(String name) {
      for (int i = scopes.size() - 1; i > 0; i--) {
        if (scopes.get(i) instanceof Map<?, ?> map && map.containsKey(name)) {
          return resolver.lazy(name, map.get(name));
        }
      }
      return resolver.root(name);
    }
  }
}
