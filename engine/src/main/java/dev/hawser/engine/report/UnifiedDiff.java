package dev.hawser.engine.report;

import dev.hawser.engine.spi.Diff;
import java.util.ArrayList;
import java.util.List;

/**
 * Unified diff text as Ansible's --diff prints it: Python's {@code difflib.unified_diff} with 3
 * lines of context, headers {@code --- before: LABEL} / {@code +++ after: LABEL}, and a
 * {@code \ No newline at end of file} marker glued to a last line without newline.
 */
public final class UnifiedDiff {
  static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The whole diff, every line ending in a newline; empty when before equals after. */
  public static String of(String label, String before, String after) {
    return String.join("", lines(label, before, after));
  }

  /**
   * The diff as Ansible's --diff prints it: coloured line by line when asked, then a blank line;
   * empty when nothing differs.
   */
  static String render(Diff d, boolean color) {
    List<String> lines = lines(d.label(), d.before(), d.after());
    if (lines.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      String code = line.startsWith("+") ? Ansi.DIFF_ADD
          : line.startsWith("-") ? Ansi.DIFF_REMOVE
          : line.startsWith("@@") ? Ansi.DIFF_LINES : null;
      sb.append(color && code != null ? Ansi.stringc(line, code) : line);
    }
    return sb.append('\n').toString();
  }

  /**
   * The diff's lines as difflib yields them, each ending in a newline. A line that lacked one
   * carries the no-newline marker inside it, as in Ansible (so colouring spans both).
   */
  static List<String> lines(String label, String before, String after) {
    List<String> a = markLast(splitLines(before == null ? "" : before));
    List<String> b = markLast(splitLines(after == null ? "" : after));
    boolean named = label != null && !label.isEmpty();
    List<String> out = new ArrayList<>();
    for (List<SequenceMatcher.Op> group : new SequenceMatcher(a, b).groupedOpcodes(CONTEXT)) {
      if (out.isEmpty()) {
        out.add("--- " + (named ? "before: " + label : "before") + "\n");
        out.add("+++ " + (named ? "after: " + label : "after") + "\n");
      }
      SequenceMatcher.Op first = group.get(0);
      SequenceMatcher.Op last = group.get(group.size() - 1);
      out.add("@@ -" + range(first.i1(), last.i2()) + " +" + range(first.j1(), last.j2())
          + " @@\n");
      for (SequenceMatcher.Op op : group) {
        if (op.tag() == 'e') {
          a.subList(op.i1(), op.i2()).forEach(l -> out.add(" " + l));
          continue;
        }
        if (op.tag() == 'r' || op.tag() == 'd') {
          a.subList(op.i1(), op.i2()).forEach(l -> out.add("-" + l));
        }
        if (op.tag() == 'r' || op.tag() == 'i') {
          b.subList(op.j1(), op.j2()).forEach(l -> out.add("+" + l));
        }
      }
    }
    return out;
  }

  private static String range(int start, int stop) {
    int beginning = start + 1;
    int length = stop - start;
    if (length == 1) {
      return Integer.toString(beginning);
    }
    if (length == 0) {
      beginning--;
    }
    return beginning + "," + length;
  }

  private static List<String> markLast(List<String> lines) {
    if (!lines.isEmpty()) {
      int last = lines.size() - 1;
      if (!lines.get(last).endsWith("\n")) {
        lines.set(last, lines.get(last) + "\n\\ No newline at end of file\n");
      }
    }
    return lines;
  }

  /** Python's {@code str.splitlines(keepends=True)}. */
  static List<String> splitLines(String s) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        i += 2;
        lines.add(s.substring(start, i));
        start = i;
      } else if (isLineBreak(c)) {
        i++;
        lines.add(s.substring(start, i));
        start = i;
      } else {
        i++;
      }
    }
    if (start < s.length()) {
      lines.add(s.substring(start));
    }
    return lines;
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e)
        || c == 0x85 || c == 0x2028 || c == 0x2029;
  }
}
