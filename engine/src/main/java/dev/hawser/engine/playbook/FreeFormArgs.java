package dev.hawser.engine.playbook;

import dev.hawser.engine.spi.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits Ansible's one-line argument form: {@code src=a dest="b c"} or, for modules that take free
 * text, {@code echo hi chdir=/tmp} (known {@code k=v} options are taken out, the rest is the text).
 */
final class FreeFormArgs {
  private FreeFormArgs() {}

  static Map<String, Object> parse(String text, ParamSpec spec) throws IllegalArgumentException {
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>();
    for (Token t : tokens(text)) {
      int eq = t.unquoted.indexOf('=');
      String key = eq > 0 && !t.quotedKey ? t.unquoted.substring(0, eq) : null;
      boolean known = key != null && key.matches("[A-Za-z_][A-Za-z0-9_]*")
          && (spec.find(key).isPresent() || spec.acceptsAnyKey());
      if (known) {
        out.put(key, t.unquoted.substring(eq + 1));
      } else if (spec.freeFormParam().isPresent()) {
        rest.add(t.raw);
      } else {
        throw new IllegalArgumentException("expected key=value arguments, got '" + t.raw + "'");
      }
    }
    spec.freeFormParam().filter(p -> !rest.isEmpty()).ifPresent(p -> out.put(p, String.join(" ", rest)));
    return out;
  }

  private record Token(String raw, String unquoted, boolean quotedKey) {}

  private static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    StringBuilder raw = new StringBuilder();
    StringBuilder plain = new StringBuilder();
    char quote = 0;
    boolean quotedKey = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == 0 && Character.isWhitespace(c)) {
        if (raw.length() > 0) {
          out.add(new Token(raw.toString(), plain.toString(), quotedKey));
          raw.setLength(0);
          plain.setLength(0);
          quotedKey = false;
        }
        continue;
      }
      raw.append(c);
      if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
        quotedKey |= plain.indexOf("=") < 0;
      } else if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
        raw.append(text.charAt(++i));
        plain.append(text.charAt(i));
      } else {
        plain.append(c);
      }
    }
    if (raw.length() > 0) {
      out.add(new Token(raw.toString(), plain.toString(), quotedKey));
    }
    return out;
  }
}
