package dev.hawser.engine.vars;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders strings and data structures with Mustache (no HTML escaping) and Jinja-style tag expressions. */
final class Renderer {
  /** A string that is exactly one plain {@code {{ expr }}} tag, surrounding whitespace allowed. */
  private static final Pattern SINGLE_TAG =
      Pattern.compile("\\s*\\{\\{(?![{#^/>!&=%<$])((?:(?!\\{\\{|\\}\\}).)*)\\}\\}\\s*", Pattern.DOTALL);

  /** Jinja block statements, which would otherwise pass through silently as text. */
  private static final Pattern JINJA_STATEMENT = Pattern.compile(
      "\\{%-?\\s*(if|elif|else|endif|for|endfor|set|raw|macro|include|import|block|extends)\\b");

  private static final DefaultMustacheFactory FACTORY = new DefaultMustacheFactory() {
    {
      setObjectHandler(new TagHandler());
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Mustache compilePartial(String name) {
      throw new MustacheException("partials are not supported ({{> " + name + "}})");
    }

    @Override
    public Reader getReader(String resourceName) {
      throw new MustacheException("templates cannot include other templates (" + resourceName + ")");
    }
  };

  private static final Map<String, Mustache> COMPILED = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Mustache> eldest) {
          return size() > 500;
        }
      });

  private Renderer() {}

  /** Renders a value recursively; map entries and list items that render to {@link Templater#OMIT} are dropped. */
  static Object deep(Object value, Resolver resolver) {
    if (value instanceof String s) {
      return value(s, resolver);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object key = e.getKey() instanceof String k && k.contains("{{") ? Py.str(value(k, resolver)) : e.getKey();
        Object v = deep(e.getValue(), resolver);
        if (v != Templater.OMIT) {
          out.put(key, v);
        }
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        Object v = deep(item, resolver);
        if (v != Templater.OMIT) {
          out.add(v);
        }
      }
      return out;
    }
    return value;
  }

  /** Renders one string: a lone tag keeps its value's type (list, map, number...), anything else is text. */
  static Object value(String s, Resolver resolver) {
    if (!s.contains("{{") && !s.contains("{%")) {
      return s;
    }
    Matcher m = SINGLE_TAG.matcher(s);
    if (m.matches()) {
      Object v = tag(m.group(1).trim(), resolver);
      // Whitespace around the tag is text, as in Ansible ("{{ body }}\n" keeps its newline); only a
      // list or a dict keeps its type then (Ansible parses "[...]\n" back into a list).
      boolean bare = s.startsWith("{{") && s.endsWith("}}");
      if (bare || v instanceof Map<?, ?> || v instanceof List<?>) {
        return v;
      }
    }
    return text(s, s, resolver);
  }

  /** Evaluates the expression inside one tag. */
  static Object tag(String expression, Scope scope) {
    Compiled compiled;
    try {
      compiled = Expressions.compile(expression);
    } catch (SyntaxException e) {
      throw new SyntaxException(e.getMessage() + " in {{ " + expression + " }}");
    }
    return compiled.evaluate(scope);
  }

  /** Renders a full Mustache template; failures carry the template line when known. */
  static String text(String name, String template, Resolver resolver) {
    Matcher jinja = JINJA_STATEMENT.matcher(template);
    if (jinja.find()) {
      throw new SyntaxException("Jinja statements such as {% " + jinja.group(1)
          + " %} are not supported; use Mustache sections {{#list}}...{{/list}} and {{^x}}...{{/x}}");
    }
    StringWriter out = new StringWriter();
    try {
      compile(name, template).execute(out, resolver);
    } catch (MustacheException e) {
      throw located(e);
    }
    return out.toString();
  }

  private static Mustache compile(String name, String template) {
    Mustache m = COMPILED.get(template);
    if (m == null) {
      m = FACTORY.compile(new StringReader(template), name);
      COMPILED.put(template, m);
    }
    return m;
  }

  /** Finds the expression failure behind Mustache's wrapping and records the line of the failing tag. */
  private static ExprException located(MustacheException e) {
    int line = -1;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MustacheException me && me.getContext() != null && me.getContext().line() > 0) {
        line = me.getContext().line();
      }
      if (t instanceof ExprException x) {
        return line > 0 ? new Located(x, line) : x;
      }
    }
    String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
    return new SyntaxException("cannot parse template: " + message);
  }

  /** An expression failure inside a template file, with the line of the tag. */
  static final class Located extends ExprException {
    private final ExprException cause;
    private final int line;

    Located(ExprException cause, int line) {
      super(cause.getMessage());
      this.cause = cause;
      this.line = line;
    }

    ExprException original() {
      return cause;
    }

    int line() {
      return line;
    }
  }
}
