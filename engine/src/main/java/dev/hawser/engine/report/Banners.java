package dev.hawser.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ansible's header lines and PLAY RECAP lines, byte for byte. */
final class Banners {
  /** Ansible's Display width when stdout is not a terminal: max(79, tty columns - 1). */
  static final int COLUMNS = 79;

  private Banners() {}

  /** {@code "PLAY [x] ****"}: stars fill up to 79 columns after one space, three at least. */
  static String banner(String msg) {
    String m = msg.strip();
    int stars = Math.max(3, COLUMNS - textWidth(m));
    return m + " " + "*".repeat(stars);
  }

  /** The recap lines for each host, sorted by name as Ansible does. */
  static List<String> recap(Map<String, HostStats> stats, boolean color) {
    List<String> lines = new ArrayList<>();
    stats.keySet().stream().sorted().forEach(host -> lines.add(recapLine(host, stats.get(host), color)));
    return lines;
  }

  static String recapLine(String host, HostStats t, boolean color) {
    return hostColumn(host, t, color) + " : "
        + String.join(" ",
            counter("ok", t.ok(), Ansi.OK, color),
            counter("changed", t.changed(), Ansi.CHANGED, color),
            counter("unreachable", t.unreachable(), Ansi.UNREACHABLE, color),
            counter("failed", t.failed(), Ansi.ERROR, color),
            counter("skipped", t.skipped(), Ansi.SKIP, color),
            counter("rescued", t.rescued(), Ansi.OK, color),
            counter("ignored", t.ignored(), Ansi.WARN, color));
  }

  private static String hostColumn(String host, HostStats t, boolean color) {
    if (!color) {
      return String.format("%-26s", host);
    }
    String code = t.failed() != 0 || t.unreachable() != 0 ? Ansi.ERROR
        : t.changed() != 0 ? Ansi.CHANGED : Ansi.OK;
    // Ansible pads the coloured text to 37, i.e. 26 visible columns plus 11 escape characters.
    return String.format("%-37s", Ansi.stringc(host, code));
  }

  private static String counter(String lead, int n, String code, boolean color) {
    String s = String.format("%s=%-4s", lead, n);
    return color && n != 0 ? Ansi.stringc(s, code) : s;
  }

  /** Terminal columns of a text: wide East Asian characters take two, combining marks none. */
  static int textWidth(String s) {
    int width = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.FORMAT) {
        continue;
      }
      width += isWide(cp) ? 2 : 1;
    }
    return width;
  }

  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
