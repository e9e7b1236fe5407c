package dev.hawser.engine.vars;

import java.util.ArrayList;
import java.util.List;

/** Splits a Jinja-style expression into tokens. */
final class Lexer {
  enum Kind { NAME, STRING, NUMBER, OP, END }

  record Token(Kind kind, String text, Object value) {
    boolean is(String s) {
      return (kind == Kind.OP || kind == Kind.NAME) && text.equals(s);
    }

    String describe() {
      if (kind == Kind.END) {
        return "end of expression";
      }
      // '=' only appears in keyword arguments (f(name=value)); anywhere else it is a stray character.
      return (kind == Kind.OP && text.equals("=") ? "character '" : "'") + text + "'";
    }
  }

  private static final String[] OPS = {
    "==", "!=", "<=", ">=", "//", "**", "<", ">", "+", "-", "*", "/", "%", "~", "|", ".", ",",
    "(", ")", "[", "]", "{", "}", ":", "="
  };

  private final String src;
  private int pos;

  private Lexer(String src) {
    this.src = src;
  }

  static List<Token> tokenize(String src) {
    Lexer lexer = new Lexer(src);
    List<Token> tokens = new ArrayList<>();
    Token t;
    do {
      t = lexer.next();
      tokens.add(t);
    } while (t.kind() != Kind.END);
    return tokens;
  }

  private Token next() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
    if (pos >= src.length()) {
      return new Token(Kind.END, "", null);
    }
    char c = src.charAt(pos);
    if (c == '\'' || c == '"') {
      return string(c);
    }
    if (Character.isDigit(c)) {
      return number();
    }
    if (Character.isLetter(c) || c == '_') {
      int start = pos;
      while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
      String name = src.substring(start, pos);
      return new Token(Kind.NAME, name, name);
    }
    for (String op : OPS) {
      if (src.startsWith(op, pos)) {
        pos += op.length();
        return new Token(Kind.OP, op, op);
      }
    }
    throw new SyntaxException("unexpected character '" + c + "'");
  }

  private Token string(char quote) {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == quote) {
        return new Token(Kind.STRING, quote + sb.toString() + quote, sb.toString());
      }
      if (c == '\\' && pos < src.length()) {
        char e = src.charAt(pos++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case '\\', '\'', '"' -> sb.append(e);
          default -> sb.append('\\').append(e);
        }
      } else {
        sb.append(c);
      }
    }
    throw new SyntaxException("unterminated string");
  }

  private Token number() {
    int start = pos;
    while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
      pos++;
    }
    boolean fraction = pos + 1 < src.length() && src.charAt(pos) == '.' && Character.isDigit(src.charAt(pos + 1));
    if (fraction) {
      pos++;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    String text = src.substring(start, pos);
    Object value = fraction ? (Object) Double.valueOf(text) : Py.integer(new java.math.BigInteger(text));
    return new Token(Kind.NUMBER, text, value);
  }
}
