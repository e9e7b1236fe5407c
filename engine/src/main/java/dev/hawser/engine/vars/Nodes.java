package dev.hawser.engine.vars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operands that JEXL sees as synthetic variables. */
final class Nodes {
  private Nodes() {}

  record Const(Object value) implements Operand {
    @Override
    public Object eval(Ctx ctx) {
      return value;
    }
  }

  /**
   * {@code name.attr[expr]...}: steps are String attributes, Integer indexes or Operand subscripts.
   * The base is either a top-level name ({@code root}) or another operand.
   */
  record Path(String root, Operand base, List<Object> steps) implements Operand {
    @Override
    public Object eval(Ctx ctx) {
      Resolver resolver = ctx.scope().resolver();
      Object value = root != null ? ctx.scope().root(root) : base.eval(ctx);
      String path = root != null ? root : "(expression)";
      for (Object step : steps) {
        Object key = step instanceof Operand o ? o.eval(ctx) : step;
        path = key instanceof String s && step instanceof String ? path + "." + s
            : key instanceof String s ? path + "['" + s + "']" : path + "[" + Py.str(key) + "]";
        value = resolver.child(value, key, path);
      }
      return resolver.materialize(value, path);
    }
  }

  record ListLit(List<Operand> items) implements Operand {
    @Override
    public Object eval(Ctx ctx) {
      List<Object> list = new ArrayList<>(items.size());
      for (Operand item : items) {
        list.add(item.eval(ctx));
      }
      return list;
    }
  }

  record MapLit(List<Operand> keys, List<Operand> values) implements Operand {
    @Override
    public Object eval(Ctx ctx) {
      Map<Object, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        map.put(keys.get(i).eval(ctx), values.get(i).eval(ctx));
      }
      return map;
    }
  }

  /** Jinja's {@code ~}: string concatenation of any values. */
  record Concat(Operand left, Operand right) implements Operand {
    @Override
    public Object eval(Ctx ctx) {
      return Py.str(left.eval(ctx)) + Py.str(right.eval(ctx));
    }
  }

  /** A supported Python method on a string or dict, see {@link Methods}. */
  record Call(Operand target, String method, List<Operand> args) implements Operand {
    @Override
    public Object eval(Ctx ctx) {
      Object value = target.eval(ctx);
      List<Object> values = new ArrayList<>(args.size());
      for (Operand arg : args) {
        values.add(arg.eval(ctx));
      }
      return Methods.call(method, value, values);
    }
  }

  /** Evaluates call arguments: positional ones in order, then keyword ones. */
  static Filters.Args evalArgs(Ctx ctx, List<Operand> positional, Map<String, Operand> keywords) {
    List<Object> values = new ArrayList<>(positional.size());
    for (Operand arg : positional) {
      values.add(arg.eval(ctx));
    }
    Map<String, Object> kw = new LinkedHashMap<>();
    keywords.forEach((k, v) -> kw.put(k, v.eval(ctx)));
    return new Filters.Args(values, kw);
  }

  record Filter(String name, Operand operand, List<Operand> args, Map<String, Operand> keywords)
      implements Operand {
    @Override
    public Object eval(Ctx ctx) {
      if (name.equals("default") || name.equals("d")) {
        Object value;
        try {
          value = operand.eval(ctx);
        } catch (UndefinedException e) {
          return fallback(ctx);
        }
        Operand flag = keywords.containsKey("boolean") ? keywords.get("boolean")
            : args.size() > 1 ? args.get(1) : null;
        boolean alsoFalsy = flag != null && Py.truthy(flag.eval(ctx));
        return alsoFalsy && !Py.truthy(value) ? fallback(ctx) : value;
      }
      if (name.equals("mandatory")) {
        try {
          return operand.eval(ctx);
        } catch (UndefinedException e) {
          Filters.Args a = evalArgs(ctx, args, keywords);
          Object msg = a.get(0, "msg", null);
          throw msg == null ? new ExprException("Mandatory variable '" + e.variable() + "' not defined.")
              : new ExprException(Py.str(msg));
        }
      }
      Object value = operand.eval(ctx);
      return Filters.apply(name, value, evalArgs(ctx, args, keywords));
    }

    private Object fallback(Ctx ctx) {
      Operand value = keywords.containsKey("default_value") ? keywords.get("default_value")
          : args.isEmpty() ? null : args.get(0);
      return value == null ? "" : value.eval(ctx);
    }
  }

  record Test(String name, boolean negated, Operand operand, List<Operand> args, Map<String, Operand> keywords)
      implements Operand {
    @Override
    public Object eval(Ctx ctx) {
      Object value;
      try {
        value = operand.eval(ctx);
      } catch (UndefinedException e) {
        if (!name.equals("defined") && !name.equals("undefined")) {
          throw e;
        }
        value = Tests.UNDEFINED;
      }
      return Tests.apply(name, value, evalArgs(ctx, args, keywords)) != negated;
    }
  }
}
