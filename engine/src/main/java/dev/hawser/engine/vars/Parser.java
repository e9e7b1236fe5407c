package dev.hawser.engine.vars;

import dev.hawser.engine.vars.Lexer.Kind;
import dev.hawser.engine.vars.Lexer.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the Jinja expression subset and translates it to JEXL text. Operators (and/or/not, comparisons,
 * in, arithmetic, inline if) become JEXL operators; every leaf (literal, variable path, filter, test) becomes
 * a synthetic JEXL variable {@code __N} evaluated by {@link Ctx}, so user text never reaches JEXL verbatim.
 */
final class Parser {
  private record Expr(String text, Operand node) {}

  /** Call arguments: positional ones, then keyword ones ({@code name=value}) in source order. */
  record Args(List<Operand> positional, Map<String, Operand> keywords) {}

  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else");
  private static final Map<String, String> COMPARISONS =
      Map.of("==", "==", "!=", "!=", "<", "<", ">", ">", "<=", "<=", ">=", ">=");

  private final List<Token> tokens;
  private final Map<String, Operand> nodes = new HashMap<>();
  private int pos;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static Compiled parse(String src) {
    Parser p = new Parser(Lexer.tokenize(src));
    if (p.peek().kind() == Kind.END) {
      throw new SyntaxException("empty expression");
    }
    Expr e = p.ternary();
    if (p.peek().kind() != Kind.END) {
      throw new SyntaxException("unexpected " + p.peek().describe());
    }
    boolean bare = e.node() instanceof Nodes.Path path && path.root() != null;
    return new Compiled(p.operand(e), Map.copyOf(p.nodes), bare);
  }

  private Expr ternary() {
    Expr value = or();
    if (!accept("if")) {
      return value;
    }
    Expr condition = or();
    Expr other = accept("else") ? ternary() : bind(new Nodes.Const(""));
    return text("(" + condition.text() + " ? " + value.text() + " : " + other.text() + ")");
  }

  private Expr or() {
    Expr left = and();
    while (accept("or")) {
      left = text("(" + left.text() + " || " + and().text() + ")");
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (accept("and")) {
      left = text("(" + left.text() + " && " + not().text() + ")");
    }
    return left;
  }

  private Expr not() {
    if (accept("not")) {
      return text("!(" + not().text() + ")");
    }
    return compare();
  }

  /** Comparisons chain as in Python: {@code a < b < c} means {@code a < b and b < c}. */
  private Expr compare() {
    Expr left = sum();
    String result = null;
    while (true) {
      String op;
      if (peek().kind() == Kind.OP && COMPARISONS.containsKey(peek().text())) {
        op = COMPARISONS.get(next().text());
      } else if (accept("in")) {
        op = "=~";
      } else if (peek().is("not") && tokens.get(pos + 1).is("in")) {
        pos += 2;
        op = "!~";
      } else {
        break;
      }
      Expr right = sum();
      String cmp = "(" + left.text() + " " + op + " " + right.text() + ")";
      result = result == null ? cmp : "(" + result + " && " + cmp + ")";
      left = right;
    }
    return result == null ? left : text(result);
  }

  private Expr sum() {
    Expr left = product();
    while (true) {
      if (accept("~")) {
        left = bind(new Nodes.Concat(operand(left), operand(product())));
      } else if (peek().is("+") || peek().is("-")) {
        String op = next().text();
        left = text("(" + left.text() + " " + op + " " + product().text() + ")");
      } else {
        return left;
      }
    }
  }

  private Expr product() {
    Expr left = unary();
    while (true) {
      if (peek().is("//") || peek().is("**")) {
        throw new SyntaxException("operator '" + peek().text() + "' is not supported");
      }
      if (!peek().is("*") && !peek().is("/") && !peek().is("%")) {
        return left;
      }
      String op = next().text();
      left = text("(" + left.text() + " " + op + " " + unary().text() + ")");
    }
  }

  private Expr unary() {
    if (accept("-")) {
      return text("(-" + unary().text() + ")");
    }
    accept("+");
    return filtered();
  }

  /** Filters ({@code x | f(a)}) and tests ({@code x is [not] t}) bind tighter than any operator. */
  private Expr filtered() {
    Expr e = primary();
    while (true) {
      if (accept("|")) {
        String name = name("filter name");
        Args args = arguments();
        Filters.check(name, args.positional().size(), args.keywords().keySet());
        e = bind(new Nodes.Filter(name, operand(e), args.positional(), args.keywords()));
      } else if (accept("is")) {
        boolean negated = accept("not");
        String name = name("test name");
        if (!Tests.supports(name)) {
          throw new SyntaxException("unsupported test '" + name + "'");
        }
        Args args;
        if (peek().is("(")) {
          args = arguments();
        } else if (startsBareArgument()) {
          args = new Args(List.of(operand(unaryNoFilter())), Map.of());
        } else {
          args = new Args(List.of(), Map.of());
        }
        Tests.check(name, args.positional().size(), args.keywords().keySet());
        e = bind(new Nodes.Test(name, negated, operand(e), args.positional(), args.keywords()));
      } else {
        return e;
      }
    }
  }

  private Expr primary() {
    Token t = next();
    switch (t.kind()) {
      case STRING, NUMBER:
        return trailers(null, bind(new Nodes.Const(t.value())));
      case NAME:
        switch (t.text()) {
          case "true", "True":
            return bind(new Nodes.Const(Boolean.TRUE));
          case "false", "False":
            return bind(new Nodes.Const(Boolean.FALSE));
          case "none", "None":
            return bind(new Nodes.Const(null));
          default:
            if (KEYWORDS.contains(t.text())) {
              throw new SyntaxException("unexpected '" + t.text() + "'");
            }
            return trailers(t.text(), null);
        }
      default:
        break;
    }
    if (t.is("(")) {
      Expr inner = ternary();
      expect(")");
      return trailers(null, inner);
    }
    if (t.is("[")) {
      List<Operand> items = new ArrayList<>();
      while (!accept("]")) {
        items.add(operand(ternary()));
        if (!accept(",")) {
          expect("]");
          break;
        }
      }
      return trailers(null, bind(new Nodes.ListLit(items)));
    }
    if (t.is("{")) {
      List<Operand> keys = new ArrayList<>();
      List<Operand> values = new ArrayList<>();
      while (!accept("}")) {
        keys.add(operand(ternary()));
        expect(":");
        values.add(operand(ternary()));
        if (!accept(",")) {
          expect("}");
          break;
        }
      }
      return trailers(null, bind(new Nodes.MapLit(keys, values)));
    }
    throw new SyntaxException("unexpected " + t.describe());
  }

  /** Attribute and subscript access after a name ({@code root}) or another primary ({@code base}). */
  private Expr trailers(String root, Expr base) {
    List<Object> steps = new ArrayList<>();
    while (true) {
      if (accept(".")) {
        Token t = next();
        if (t.kind() == Kind.NAME || t.kind() == Kind.NUMBER && t.value() instanceof Integer) {
          steps.add(t.value());
        } else {
          throw new SyntaxException("expected an attribute name after '.', found " + t.describe());
        }
      } else if (accept("[")) {
        if (peek().is(":")) {
          throw new SyntaxException("slices are not supported");
        }
        steps.add(operand(ternary()));
        expect("]");
      } else if (peek().is("(")) {
        if (steps.isEmpty() || !(steps.get(steps.size() - 1) instanceof String method)) {
          throw new SyntaxException(root != null && steps.isEmpty()
              ? "function calls are not supported ('" + root + "')" : "calls are not supported here");
        }
        steps.remove(steps.size() - 1);
        Expr target = root == null && steps.isEmpty() ? base
            : bind(new Nodes.Path(root, base == null ? null : operand(base), List.copyOf(steps)));
        List<Operand> args = callArguments();
        Methods.check(method, args.size());
        base = bind(new Nodes.Call(operand(target), method, args));
        root = null;
        steps.clear();
      } else {
        break;
      }
    }
    if (root == null && steps.isEmpty()) {
      return base;
    }
    return bind(new Nodes.Path(root, base == null ? null : operand(base), List.copyOf(steps)));
  }

  /** Jinja allows one argument without parentheses after a test name: {@code x is divisibleby 3}. */
  private boolean startsBareArgument() {
    Token t = peek();
    if (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER) {
      return true;
    }
    if (t.kind() == Kind.NAME) {
      return !KEYWORDS.contains(t.text());
    }
    return t.is("[") || t.is("{") || t.is("-");
  }

  /** A test's bare argument: a primary with attribute access, not followed by filters or tests. */
  private Expr unaryNoFilter() {
    if (accept("-")) {
      return text("(-" + unaryNoFilter().text() + ")");
    }
    return primary();
  }

  private List<Operand> callArguments() {
    Args args = arguments();
    if (!args.keywords().isEmpty()) {
      throw new SyntaxException("keyword arguments are not supported in method calls");
    }
    return args.positional();
  }

  private Args arguments() {
    List<Operand> args = new ArrayList<>();
    Map<String, Operand> keywords = new LinkedHashMap<>();
    if (!accept("(")) {
      return new Args(args, keywords);
    }
    while (!accept(")")) {
      if (peek().kind() == Kind.NAME && tokens.get(pos + 1).is("=")) {
        String key = next().text();
        next();
        if (keywords.put(key, operand(ternary())) != null) {
          throw new SyntaxException("keyword argument '" + key + "' repeated");
        }
      } else if (!keywords.isEmpty()) {
        throw new SyntaxException("positional argument follows keyword argument");
      } else {
        args.add(operand(ternary()));
      }
      if (!accept(",")) {
        expect(")");
        break;
      }
    }
    return new Args(List.copyOf(args), Collections.unmodifiableMap(keywords));
  }

  private String name(String what) {
    Token t = next();
    if (t.kind() != Kind.NAME) {
      throw new SyntaxException("expected a " + what + ", found " + t.describe());
    }
    return t.text();
  }

  private Expr bind(Operand node) {
    String id = "__" + nodes.size();
    nodes.put(id, node);
    return new Expr(id, node);
  }

  private static Expr text(String jexl) {
    return new Expr(jexl, null);
  }

  private Operand operand(Expr e) {
    return e.node() != null ? e.node() : Expressions.jexl(e.text());
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.END) {
      pos++;
    }
    return t;
  }

  private boolean accept(String s) {
    if (peek().is(s) && peek().kind() != Kind.STRING) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String s) {
    if (!accept(s)) {
      throw new SyntaxException("expected '" + s + "', found " + peek().describe());
    }
  }
}
