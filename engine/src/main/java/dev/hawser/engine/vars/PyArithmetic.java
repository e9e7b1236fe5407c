package dev.hawser.engine.vars;

import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.jexl3.JexlArithmetic;

/** JEXL operators with Python/Jinja semantics (no string/number coercion, Python truthiness, {@code in}). */
final class PyArithmetic extends JexlArithmetic {
  PyArithmetic() {
    super(true);
  }

  @Override
  protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
    return this;
  }

  @Override
  public boolean equals(Object left, Object right) {
    return Py.eq(left, right);
  }

  @Override
  public boolean lessThan(Object left, Object right) {
    return Py.compare(left, right, "<") < 0;
  }

  @Override
  public boolean lessThanOrEqual(Object left, Object right) {
    return Py.compare(left, right, "<=") <= 0;
  }

  @Override
  public boolean greaterThan(Object left, Object right) {
    return Py.compare(left, right, ">") > 0;
  }

  @Override
  public boolean greaterThanOrEqual(Object left, Object right) {
    return Py.compare(left, right, ">=") >= 0;
  }

  /** JEXL's {@code x =~ y} calls {@code contains(y, x)}: Python's {@code x in y}. */
  @Override
  public Boolean contains(Object container, Object value) {
    return Py.contains(container, value);
  }

  @Override
  public boolean toBoolean(Object value) {
    return Py.truthy(value);
  }

  @Override
  protected boolean toBoolean(boolean strict, Object value) {
    return Py.truthy(value);
  }

  @Override
  public boolean testPredicate(Object value) {
    return Py.truthy(value);
  }

  @Override
  public Object not(Object value) {
    return !Py.truthy(value);
  }

  @Override
  public Object add(Object left, Object right) {
    if (Py.isNumber(left) && Py.isNumber(right)) {
      return Py.isFloat(left) || Py.isFloat(right)
          ? (Object) (dbl(left) + dbl(right)) : Py.integer(Py.big(left).add(Py.big(right)));
    }
    if (left instanceof CharSequence && right instanceof CharSequence) {
      return left.toString() + right;
    }
    if (left instanceof List<?> a && right instanceof List<?> b) {
      List<Object> all = new ArrayList<>(a);
      all.addAll(b);
      return all;
    }
    throw unsupported("+", left, right);
  }

  @Override
  public Object subtract(Object left, Object right) {
    numbers("-", left, right);
    return Py.isFloat(left) || Py.isFloat(right)
        ? (Object) (dbl(left) - dbl(right)) : Py.integer(Py.big(left).subtract(Py.big(right)));
  }

  @Override
  public Object multiply(Object left, Object right) {
    if (left instanceof CharSequence s && right instanceof Number n && !Py.isFloat(n)) {
      return s.toString().repeat(Math.max(0, n.intValue()));
    }
    numbers("*", left, right);
    return Py.isFloat(left) || Py.isFloat(right)
        ? (Object) (dbl(left) * dbl(right)) : Py.integer(Py.big(left).multiply(Py.big(right)));
  }

  @Override
  public Object divide(Object left, Object right) {
    numbers("/", left, right);
    if (dbl(right) == 0.0) {
      throw new ExprException("division by zero");
    }
    return dbl(left) / dbl(right);
  }

  @Override
  public Object mod(Object left, Object right) {
    numbers("%", left, right);
    if (dbl(right) == 0.0) {
      throw new ExprException("modulo by zero");
    }
    if (Py.isFloat(left) || Py.isFloat(right)) {
      double a = dbl(left);
      double b = dbl(right);
      return a - b * Math.floor(a / b);
    }
    BigInteger b = Py.big(right);
    BigInteger r = Py.big(left).mod(b.abs());
    return Py.integer(b.signum() < 0 && r.signum() != 0 ? r.add(b) : r);
  }

  @Override
  public Object negate(Object value) {
    if (!Py.isNumber(value)) {
      throw new ExprException("bad operand type for unary -: '" + Py.typeName(value) + "'");
    }
    return Py.isFloat(value) ? (Object) (-dbl(value)) : Py.integer(Py.big(value).negate());
  }

  private static double dbl(Object v) {
    return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
  }

  private static void numbers(String op, Object left, Object right) {
    if (!Py.isNumber(left) || !Py.isNumber(right)) {
      throw unsupported(op, left, right);
    }
  }

  private static ExprException unsupported(String op, Object left, Object right) {
    return new ExprException("unsupported operand type(s) for " + op + ": '"
        + Py.typeName(left) + "' and '" + Py.typeName(right) + "'");
  }
}
