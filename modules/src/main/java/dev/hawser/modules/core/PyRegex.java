package dev.hawser.modules.core;

import dev.hawser.engine.spi.ModuleException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python re syntax where it differs from java.util.regex: named groups, \Z, and match.expand templates. */
final class PyRegex {
  private PyRegex() {}

  /**
   * Compiles a Python pattern. UNIX_LINES makes . and $ treat only "\n" as a line end, as Python does.
   */
  static Pattern compile(String python) {
    StringBuilder java = new StringBuilder();
    for (int i = 0; i < python.length(); i++) {
      char c = python.charAt(i);
      if (c == '\\' && i + 1 < python.length()) {
        char next = python.charAt(++i);
        java.append(next == 'Z' ? "\\z" : "\\" + next);
      } else if (python.startsWith("(?P<", i)) {
        java.append("(?<");
        i += 3;
      } else if (python.startsWith("(?P=", i)) {
        int end = python.indexOf(')', i);
        java.append("\\k<").append(python, i + 4, end < 0 ? python.length() : end).append('>');
        i = end < 0 ? python.length() : end;
      } else {
        java.append(c);
      }
    }
    return Pattern.compile(java.toString(), Pattern.UNIX_LINES);
  }

  /** Python's match.expand(template): \1, \g<1>, \g<name> and the usual escapes; unmatched groups are empty. */
  static String expand(Matcher m, String template) throws ModuleException {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '\\' || i + 1 == template.length()) {
        out.append(c);
        continue;
      }
      char next = template.charAt(++i);
      if (Character.isDigit(next)) {
        int end = i + 1 < template.length() && Character.isDigit(template.charAt(i + 1)) ? i + 2 : i + 1;
        out.append(group(m, template.substring(i, end)));
        i = end - 1;
      } else if (next == 'g' && template.startsWith("<", i + 1) && template.indexOf('>', i) > 0) {
        int end = template.indexOf('>', i);
        out.append(group(m, template.substring(i + 2, end)));
        i = end;
      } else {
        out.append(switch (next) {
          case 'n' -> "\n";
          case 't' -> "\t";
          case 'r' -> "\r";
          case 'f' -> "\f";
          case 'a' -> "\u0007";
          case 'v' -> "\u000b";
          case '\\' -> "\\";
          default -> {
            if (Character.isLetter(next) && next < 128) {
              throw new ModuleException("bad escape \\" + next + " in line");
            }
            yield "\\" + next;
          }
        });
      }
    }
    return out.toString();
  }

  private static String group(Matcher m, String ref) throws ModuleException {
    try {
      String g = ref.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(ref)) : m.group(ref);
      return g == null ? "" : g;
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      throw new ModuleException("invalid group reference " + ref + " in line");
    }
  }
}
