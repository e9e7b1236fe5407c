package dev.hawser.engine.connect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small lexical helpers for ssh config values. */
final class ConfigTokens {
  private ConfigTokens() {}

  /** Splits on whitespace, honouring double quotes ("a b" is one token). */
  static List<String> split(String s) {
    List<String> tokens = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean inToken = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        inToken = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (inToken) {
          tokens.add(cur.toString());
          cur.setLength(0);
          inToken = false;
        }
      } else {
        cur.append(c);
        inToken = true;
      }
    }
    if (inToken) {
      tokens.add(cur.toString());
    }
    return tokens;
  }

  /** "~" and "~/x" relative to {@code home}; anything else as a plain path. */
  static Path expandHome(String value, Path home) {
    if (value.equals("~")) {
      return home;
    }
    if (value.startsWith("~/")) {
      return home.resolve(value.substring(2));
    }
    return Path.of(value);
  }

  static boolean hasGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
  }
}
