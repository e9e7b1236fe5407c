package dev.hawser.engine.vars;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python {@code re} patterns on java.util.regex: {@code (?P<name>...)} and {@code (?P=name)} are translated
 * (group names become {@code gN}, since Java names allow no underscore), {@code \Z} becomes {@code \z}, and
 * replacement templates ({@code \1}, {@code \g<name>}) are expanded as {@code re.sub} does.
 */
final class PyRegex {
  private final Pattern pattern;
  private final Map<String, String> names;

  private PyRegex(Pattern pattern, Map<String, String> names) {
    this.pattern = pattern;
    this.names = names;
  }

  static PyRegex compile(Object regex, boolean ignoreCase, boolean multiline) {
    String src = Py.str(regex);
    Map<String, String> names = new HashMap<>();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '\\' && i + 1 < src.length()) {
        char e = src.charAt(++i);
        sb.append(e == 'Z' ? "\\z" : "\\" + e);
      } else if (src.startsWith("(?P<", i)) {
        int end = src.indexOf('>', i);
        if (end < 0) {
          throw new ExprException("invalid regular expression '" + src + "': unterminated group name");
        }
        String name = src.substring(i + 4, end);
        String javaName = "g" + (names.size() + 1);
        names.put(name, javaName);
        sb.append("(?<").append(javaName).append('>');
        i = end;
      } else if (src.startsWith("(?P=", i)) {
        int end = src.indexOf(')', i);
        String name = end < 0 ? null : names.get(src.substring(i + 4, end));
        if (name == null) {
          throw new ExprException("invalid regular expression '" + src + "': unknown group reference");
        }
        sb.append("\\k<").append(name).append('>');
        i = end;
      } else {
        sb.append(c);
      }
    }
    int flags = (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0) | (multiline ? Pattern.MULTILINE : 0);
    try {
      return new PyRegex(Pattern.compile(sb.toString(), flags), names);
    } catch (PatternSyntaxException e) {
      throw new ExprException("invalid regular expression '" + src + "': " + e.getDescription());
    }
  }

  Matcher matcher(String s) {
    return pattern.matcher(s);
  }

  /** A group by Python reference: a number, or a name from {@code (?P<name>)}. */
  String group(Matcher m, String ref) {
    if (ref.chars().allMatch(Character::isDigit)) {
      int n = Integer.parseInt(ref);
      if (n > m.groupCount()) {
        throw new ExprException("invalid group reference " + n);
      }
      return m.group(n);
    }
    String name = names.get(ref);
    if (name == null) {
      throw new ExprException("unknown group name '" + ref + "'");
    }
    return m.group(name);
  }

  /** Python's {@code re.sub(pattern, template, s, count)}. */
  String sub(String s, String template, int count) {
    Matcher m = pattern.matcher(s);
    StringBuilder out = new StringBuilder();
    int done = 0;
    while ((count <= 0 || done < count) && m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(expand(m, template)));
      done++;
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Expands a Python replacement template for one match; unmatched groups give empty strings. */
  String expand(Matcher m, String template) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '\\' || i + 1 == template.length()) {
        sb.append(c);
        continue;
      }
      char e = template.charAt(++i);
      if (Character.isDigit(e)) {
        int end = i + 1 < template.length() && Character.isDigit(template.charAt(i + 1)) ? i + 2 : i + 1;
        String g = group(m, template.substring(i, end));
        sb.append(g == null ? "" : g);
        i = end - 1;
      } else if (e == 'g' && i + 1 < template.length() && template.charAt(i + 1) == '<') {
        int end = template.indexOf('>', i);
        if (end < 0) {
          throw new ExprException("missing '>' in group reference of '" + template + "'");
        }
        String g = group(m, template.substring(i + 2, end));
        sb.append(g == null ? "" : g);
        i = end;
      } else {
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case '\\' -> sb.append('\\');
          default -> sb.append('\\').append(e);
        }
      }
    }
    return sb.toString();
  }

  /** Python's {@code re.findall}: whole matches, the single group, or lists of all groups. */
  List<Object> findall(String s) {
    Matcher m = pattern.matcher(s);
    List<Object> out = new ArrayList<>();
    while (m.find()) {
      if (m.groupCount() == 0) {
        out.add(m.group());
      } else if (m.groupCount() == 1) {
        out.add(m.group(1) == null ? "" : m.group(1));
      } else {
        List<Object> groups = new ArrayList<>();
        for (int g = 1; g <= m.groupCount(); g++) {
          groups.add(m.group(g) == null ? "" : m.group(g));
        }
        out.add(groups);
      }
    }
    return out;
  }
}
