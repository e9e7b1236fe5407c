package dev.hawser.engine.connect;

import java.util.List;
import java.util.Locale;

/** OpenSSH host pattern lists: '*' and '?' globs, '!' negation, case-insensitive. */
final class HostPatterns {
  private HostPatterns() {}

  /** True if some positive pattern matches {@code host} and no negated one does. */
  static boolean matches(String host, List<String> patterns) {
    String h = host.toLowerCase(Locale.ROOT);
    boolean positive = false;
    for (String p : patterns) {
      String pattern = p.toLowerCase(Locale.ROOT);
      if (pattern.startsWith("!")) {
        if (glob(h, pattern.substring(1))) {
          return false;
        }
      } else if (!positive && glob(h, pattern)) {
        positive = true;
      }
    }
    return positive;
  }

  static boolean glob(String text, String pattern) {
    return glob(text, 0, pattern, 0);
  }

  private static boolean glob(String text, int t, String pattern, int p) {
    while (p < pattern.length()) {
      char c = pattern.charAt(p);
      if (c == '*') {
        for (int i = t; i <= text.length(); i++) {
          if (glob(text, i, pattern, p + 1)) {
            return true;
          }
        }
        return false;
      }
      if (t >= text.length() || (c != '?' && c != text.charAt(t))) {
        return false;
      }
      t++;
      p++;
    }
    return t == text.length();
  }
}
