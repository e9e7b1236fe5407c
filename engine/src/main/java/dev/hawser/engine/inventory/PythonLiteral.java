package dev.hawser.engine.inventory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's ast.literal_eval as Ansible's INI plugin applies it to values: numbers, True/False/None,
 * quoted strings, lists, tuples and dicts; anything else stays the original string.
 */
final class PythonLiteral {

  private final String text;
  private int pos;

  private PythonLiteral(String text) {
    this.text = text;
  }

  static Object parse(String value) {
    PythonLiteral parser = new PythonLiteral(value.strip());
    try {
      Object result = parser.value();
      parser.skipSpace();
      return parser.pos == parser.text.length() ? result : value;
    } catch (IllegalArgumentException | IndexOutOfBoundsException notALiteral) {
      return value;
    }
  }

  /** Python's int(value) for ansible_group_priority. */
  static int toInt(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ansible_group_priority must be an integer, got: " + value);
    }
  }

  private Object value() {
    skipSpace();
    char c = text.charAt(pos);
    switch (c) {
      case '[':
        return sequence(']');
      case '(':
        return sequence(')');
      case '{':
        return dict();
      case '\'':
      case '"':
        return string();
      default:
        return atom();
    }
  }

  private List<Object> sequence(char close) {
    pos++;
    List<Object> items = new ArrayList<>();
    while (true) {
      skipSpace();
      if (text.charAt(pos) == close) {
        pos++;
        return items;
      }
      items.add(value());
      skipSpace();
      if (text.charAt(pos) == ',') {
        pos++;
      } else if (text.charAt(pos) != close) {
        throw new IllegalArgumentException();
      }
    }
  }

  private Object dict() {
    pos++;
    Map<Object, Object> map = new LinkedHashMap<>();
    List<Object> set = new ArrayList<>();
    while (true) {
      skipSpace();
      if (text.charAt(pos) == '}') {
        pos++;
        return set.isEmpty() ? map : set;
      }
      Object key = value();
      skipSpace();
      if (text.charAt(pos) == ':' && set.isEmpty()) {
        pos++;
        map.put(key, value());
      } else if (map.isEmpty()) {
        set.add(key);
      } else {
        throw new IllegalArgumentException();
      }
      skipSpace();
      if (text.charAt(pos) == ',') {
        pos++;
      } else if (text.charAt(pos) != '}') {
        throw new IllegalArgumentException();
      }
    }
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    do {
      char quote = text.charAt(pos++);
      while (text.charAt(pos) != quote) {
        char c = text.charAt(pos++);
        out.append(c == '\\' ? escape() : String.valueOf(c));
      }
      pos++;
      skipSpace();
    } while (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"'));
    return out.toString();
  }

  private String escape() {
    char c = text.charAt(pos++);
    return switch (c) {
      case 'n' -> "\n";
      case 't' -> "\t";
      case 'r' -> "\r";
      case '0' -> "\0";
      case '\\', '\'', '"' -> String.valueOf(c);
      case '\n' -> "";
      case 'x' -> hex(2);
      case 'u' -> hex(4);
      default -> "\\" + c;
    };
  }

  private String hex(int digits) {
    String code = text.substring(pos, pos + digits);
    pos += digits;
    return String.valueOf((char) Integer.parseInt(code, 16));
  }

  private Object atom() {
    int start = pos;
    while (pos < text.length() && "[](){},:'\" \t".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    String word = text.substring(start, pos);
    switch (word) {
      case "True":
        return Boolean.TRUE;
      case "False":
        return Boolean.FALSE;
      case "None":
        return null;
      default:
        return number(word);
    }
  }

  private static Object number(String word) {
    String sign = word.startsWith("-") ? "-" : "";
    String digits = word.replaceFirst("^[-+]", "");
    if (digits.contains("__") || digits.startsWith("_") || digits.endsWith("_")) {
      throw new IllegalArgumentException();
    }
    digits = digits.replace("_", "");
    String lower = digits.toLowerCase();
    if (lower.matches("0x[0-9a-f]+")) {
      return integer(sign + lower.substring(2), 16);
    }
    if (lower.matches("0o[0-7]+")) {
      return integer(sign + lower.substring(2), 8);
    }
    if (lower.matches("0b[01]+")) {
      return integer(sign + lower.substring(2), 2);
    }
    if (lower.matches("[1-9][0-9]*|0+")) {
      return integer(sign + lower, 10);
    }
    if (lower.matches("([0-9]+\\.[0-9]*|\\.[0-9]+)(e[-+]?[0-9]+)?|[0-9]+e[-+]?[0-9]+")) {
      return Double.valueOf(sign + lower);
    }
    throw new IllegalArgumentException();
  }

  private static Object integer(String digits, int radix) {
    BigInteger value = new BigInteger(digits, radix);
    return value.bitLength() < 32 ? (Object) value.intValue()
        : value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private void skipSpace() {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
  }
}
