package dev.hawser.engine.vars;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Parses one {@code -e} argument as Ansible does: {@code k=v k2="v 2"}, a JSON/YAML mapping, or {@code @file}. */
public final class ExtraVars {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ExtraVars() {}

  /**
   * Returns the variables of {@code arg}; {@code key=value} values stay strings, as in Ansible.
   *
   * @param cwd directory that {@code @file} paths are relative to
   * @throws IllegalArgumentException with a one-line message naming the argument or file
   */
  public static Map<String, Object> parse(String arg, Path cwd) {
    if (arg == null || arg.isBlank()) {
      throw new IllegalArgumentException("empty extra vars argument");
    }
    String text = arg.strip();
    if (text.startsWith("@")) {
      return file(text.substring(1), cwd);
    }
    if (text.startsWith("{") || text.startsWith("[")) {
      return mapping(yaml(text, "extra vars '" + shown(arg) + "'"), "extra vars '" + shown(arg) + "'");
    }
    List<String> words = words(arg);
    if (words.stream().allMatch(w -> w.indexOf('=') > 0)) {
      Map<String, Object> vars = new LinkedHashMap<>();
      for (String word : words) {
        String key = word.substring(0, word.indexOf('='));
        if (!NAME.matcher(key).matches()) {
          throw new IllegalArgumentException(
              "invalid extra vars '" + shown(arg) + "': '" + key + "' is not a valid variable name");
        }
        vars.put(key, word.substring(word.indexOf('=') + 1));
      }
      return vars;
    }
    Object data;
    try {
      data = yaml(text, "extra vars '" + shown(arg) + "'");
    } catch (IllegalArgumentException e) {
      data = null;
    }
    if (data instanceof Map) {
      return mapping(data, "extra vars '" + shown(arg) + "'");
    }
    throw new IllegalArgumentException("invalid extra vars '" + shown(arg)
        + "': expected key=value pairs, a JSON/YAML mapping or @file");
  }

  private static String shown(String arg) {
    return arg.strip().replaceAll("\\s+", " ");
  }

  private static Map<String, Object> file(String name, Path cwd) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("extra vars '@' needs a file name");
    }
    Path path = cwd == null ? Path.of(name) : cwd.resolve(name);
    String what = "extra vars file '" + name + "'";
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("cannot read " + what + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + what + ": " + e.getMessage());
    }
    if (text.isBlank()) {
      return new LinkedHashMap<>();
    }
    return mapping(yaml(text, what), what);
  }

  private static Object yaml(String text, String what) {
    try {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (MarkedYAMLException e) {
      String where = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1);
      throw new IllegalArgumentException("cannot parse " + what + ": " + e.getProblem() + where);
    } catch (YAMLException e) {
      String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new IllegalArgumentException("cannot parse " + what + ": " + first);
    }
  }

  private static Map<String, Object> mapping(Object data, String what) {
    if (!(data instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(what + " must be a mapping of variable names to values, not "
          + Py.typeName(data));
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    map.forEach((k, v) -> vars.put(String.valueOf(k), v));
    return vars;
  }

  /** Shell-like split: whitespace separates words; quotes group and are removed; backslash escapes. */
  private static List<String> words(String arg) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < arg.length(); i++) {
      char c = arg.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < arg.length()) {
          word.append(arg.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < arg.length()) {
        word.append(arg.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("invalid extra vars '" + shown(arg) + "': unterminated quote");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
