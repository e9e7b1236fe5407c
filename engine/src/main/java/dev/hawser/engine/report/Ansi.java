package dev.hawser.engine.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ansible's default colours and its {@code stringc}: every line of a text is wrapped on its own,
 * so a text ending in a newline gets an empty coloured segment after it, as Ansible prints.
 */
final class Ansi {
  static final String OK = "0;32";
  static final String CHANGED = "0;33";
  static final String ERROR = "0;31";
  static final String UNREACHABLE = "1;31";
  static final String SKIP = "0;36";
  static final String WARN = "1;35";
  static final String VERBOSE = "0;34";
  static final String DIFF_ADD = "0;32";
  static final String DIFF_REMOVE = "0;31";
  static final String DIFF_LINES = "0;36";

  private Ansi() {}

  /** See {@link ConsoleReporter#colorWanted}. */
  static boolean wanted(Map<String, String> env, boolean isTty) {
    if (env.containsKey("NO_COLOR")) {
      return false;
    }
    if (truthy(env.get("FORCE_COLOR")) || truthy(env.get("ANSIBLE_FORCE_COLOR"))) {
      return true;
    }
    return isTty;
  }

  private static boolean truthy(String v) {
    return v != null
        && !List.of("", "0", "false", "no", "off").contains(v.strip().toLowerCase(Locale.ROOT));
  }

  static String stringc(String text, String code) {
    StringBuilder sb = new StringBuilder();
    int start = 0;
    while (true) {
      int nl = text.indexOf('\n', start);
      String part = nl < 0 ? text.substring(start) : text.substring(start, nl);
      sb.append("\033[").append(code).append('m').append(part).append("\033[0m");
      if (nl < 0) {
        return sb.toString();
      }
      sb.append('\n');
      start = nl + 1;
    }
  }
}
