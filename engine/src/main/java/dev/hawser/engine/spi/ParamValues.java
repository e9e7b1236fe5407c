package dev.hawser.engine.spi;

import dev.hawser.engine.spi.ParamSpec.ParamException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Converts raw YAML/template values to a parameter's type, as Ansible's loose typing does. */
final class ParamValues {
  private ParamValues() {}

  static boolean isTemplated(Object v) {
    if (v instanceof String s) {
      return s.contains("{{");
    }
    if (v instanceof List<?> l) {
      return l.stream().anyMatch(ParamValues::isTemplated);
    }
    if (v instanceof Map<?, ?> m) {
      return m.values().stream().anyMatch(ParamValues::isTemplated);
    }
    return false;
  }

  static Object convert(Param p, Object v) throws ParamException {
    Object out = switch (p.type()) {
      case STR -> scalar(p, v);
      case INT -> toInt(p, v);
      case BOOL -> toBool(p, v);
      case LIST -> toList(v);
      case DICT -> {
        if (!(v instanceof Map<?, ?>)) {
          throw wrong(p, v, "a mapping");
        }
        yield v;
      }
      case MODE -> toMode(p, v);
      case ANY -> v;
    };
    if (!p.choices().isEmpty() && !p.choices().contains(String.valueOf(out))) {
      throw new ParamException(p.name(), "value '" + shown(p, out) + "' is not one of: "
          + String.join(", ", p.choices()));
    }
    return out;
  }

  private static String scalar(Param p, Object v) throws ParamException {
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      throw wrong(p, v, "a string");
    }
    return String.valueOf(v);
  }

  private static Integer toInt(Param p, Object v) throws ParamException {
    if (v instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(String.valueOf(v).strip());
    } catch (NumberFormatException e) {
      throw wrong(p, v, "an integer");
    }
  }

  static Boolean toBool(Param p, Object v) throws ParamException {
    if (v instanceof Boolean b) {
      return b;
    }
    String s = String.valueOf(v).strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "yes", "true", "on", "1", "y", "t" -> true;
      case "no", "false", "off", "0", "n", "f", "" -> false;
      default -> throw wrong(p, v, "a boolean");
    };
  }

  private static List<?> toList(Object v) {
    if (v instanceof List<?> l) {
      return l;
    }
    String s = String.valueOf(v);
    if (s.isBlank()) {
      return List.of();
    }
    return Arrays.stream(s.split(",")).map(String::strip).toList();
  }

  private static String toMode(Param p, Object v) throws ParamException {
    String s = v instanceof Integer i ? Integer.toOctalString(i) : String.valueOf(v).strip();
    if (s.matches("0?[0-7]{3,4}") || s.matches("[ugoa]*[-+=][rwxXst]*(,[ugoa]*[-+=][rwxXst]*)*")) {
      if (s.matches("[0-7]{3}")) {
        s = "0" + s;
      }
      return s;
    }
    throw wrong(p, v, "a file mode like 0644 or u=rw,g=r");
  }

  private static ParamException wrong(Param p, Object v, String expected) {
    return new ParamException(p.name(), "value '" + shown(p, v) + "' is not " + expected);
  }

  private static String shown(Param p, Object v) {
    return p.isSecret() ? "********" : String.valueOf(v);
  }
}
