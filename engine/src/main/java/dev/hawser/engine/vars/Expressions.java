package dev.hawser.engine.vars;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/** The sandboxed JEXL engine and a cache of parsed expressions. */
final class Expressions {
  /** The translator only emits operators over synthetic variables, so JEXL may touch no Java member at all. */
  private static final JexlPermissions NOTHING = new JexlPermissions() {
    @Override
    public boolean allow(Package pack) {
      return false;
    }

    @Override
    public boolean allow(Class<?> clazz) {
      return false;
    }

    @Override
    public boolean allow(Constructor<?> ctor) {
      return false;
    }

    @Override
    public boolean allow(Method method) {
      return false;
    }

    @Override
    public boolean allow(Field field) {
      return false;
    }

    @Override
    public JexlPermissions compose(String... src) {
      return this;
    }
  };

  private static final JexlFeatures FEATURES = new JexlFeatures()
      .script(false).loops(false).sideEffect(false).sideEffectGlobal(false).newInstance(false)
      .methodCall(false).lambda(false).thinArrow(false).fatArrow(false).annotation(false).pragma(false)
      .pragmaAnywhere(false).namespacePragma(false).namespaceIdentifier(false).importPragma(false)
      .localVar(false).structuredLiteral(false).arrayReferenceExpr(false).register(false);

  private static final JexlEngine JEXL = new JexlBuilder()
      .features(FEATURES).permissions(NOTHING).arithmetic(new PyArithmetic())
      .strict(true).safe(false).silent(false).antish(false).booleanLogical(false).debug(false)
      .namespaces(Map.of()).cache(512).create();

  private static final int CACHE_SIZE = 2000;
  private static final Map<String, Compiled> CACHE = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
          return size() > CACHE_SIZE;
        }
      });

  private Expressions() {}

  /** Parses (or fetches from cache) a Jinja expression; throws {@link SyntaxException}. */
  static Compiled compile(String source) {
    Compiled c = CACHE.get(source);
    if (c == null) {
      c = Parser.parse(source);
      CACHE.put(source, c);
    }
    return c;
  }

  static Operand jexl(String text) {
    JexlExpression expression;
    try {
      expression = JEXL.createExpression(text);
    } catch (JexlException e) {
      throw new SyntaxException("internal translation error: " + text);
    }
    return ctx -> {
      try {
        return expression.evaluate(ctx);
      } catch (JexlException e) {
        throw unwrap(e);
      }
    };
  }

  private static ExprException unwrap(JexlException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ExprException x) {
        return x;
      }
      if (t instanceof ArithmeticException a) {
        return new ExprException(a.getMessage());
      }
    }
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new ExprException(detail.replaceAll("\\s+", " "));
  }
}
