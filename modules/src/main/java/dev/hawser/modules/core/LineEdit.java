package dev.hawser.modules.core;

import dev.hawser.engine.spi.ModuleException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * lineinfile's edit, computed as Ansible's present() and absent() do (same branches, same order),
 * on text split like Python's readlines: each line keeps its "\n".
 */
final class LineEdit {
  private static final String SEP = "\n";

  private LineEdit() {}

  record Result(String content, boolean changed, String msg, int found) {}

  /**
   * @param insertAfter a regex, "EOF" or "BOF" (null with insertBefore null means EOF)
   * @param insertBefore a regex or "BOF"
   */
  static Result present(String content, String regexp, String searchString, String line, String insertAfter,
      String insertBefore, boolean backrefs, boolean firstMatch) throws ModuleException {
    if (insertAfter == null && insertBefore == null) {
      insertAfter = "EOF";
    }
    List<String> lines = readLines(content);
    Pattern re = regexp == null ? null : compile(regexp);
    Pattern ins = insertAfter != null && !insertAfter.equals("BOF") && !insertAfter.equals("EOF")
        ? compile(insertAfter)
        : insertBefore != null && !insertBefore.equals("BOF") ? compile(insertBefore) : null;
    int matchAt = -1;
    int insertAt = -1;
    Matcher match = null;
    boolean found = false;
    boolean exactLine = false;
    for (int i = 0; re != null && i < lines.size(); i++) {
      Matcher m = re.matcher(lines.get(i));
      if (m.find()) {
        matchAt = i;
        match = m;
        found = true;
        if (firstMatch) {
          break;
        }
      }
    }
    for (int i = 0; searchString != null && i < lines.size(); i++) {
      if (lines.get(i).contains(searchString)) {
        matchAt = i;
        found = true;
        if (firstMatch) {
          break;
        }
      }
    }
    if (!found) {
      for (int i = 0; i < lines.size(); i++) {
        if (line.equals(stripEol(lines.get(i)))) {
          matchAt = i;
          exactLine = true;
        } else if (ins != null && ins.matcher(lines.get(i)).find()) {
          insertAt = insertAfter != null ? i + 1 : i;
          if (firstMatch) {
            break;
          }
        }
      }
    }
    String msg = "";
    if (matchAt != -1) {
      String newLine = backrefs && match != null ? PyRegex.expand(match, line) : line;
      if (!newLine.endsWith(SEP)) {
        newLine += SEP;
      }
      // Ansible's "no regexp, no search_string, no exact match" branch cannot be reached here:
      // without those, only an exact line match sets matchAt.
      if (!lines.get(matchAt).equals(newLine)) {
        lines.set(matchAt, newLine);
        msg = "line replaced";
      }
    } else if (backrefs) {
      // Nothing: without a match there is nothing to fill the backreferences with.
    } else if ("BOF".equals(insertBefore) || "BOF".equals(insertAfter)) {
      lines.add(0, line + SEP);
      msg = "line added";
    } else if ("EOF".equals(insertAfter) || insertAt == -1) {
      if (!lines.isEmpty() && !endsWithEol(lines.get(lines.size() - 1))) {
        lines.add(SEP);
      }
      lines.add(line + SEP);
      msg = "line added";
    } else if (insertAfter != null) {
      if (lines.size() == insertAt) {
        if (!stripEol(lines.get(insertAt - 1)).equals(line)) {
          lines.add(line + SEP);
          msg = "line added";
        }
      } else if (!line.equals(stripEol(lines.get(insertAt)))) {
        lines.add(insertAt, line + SEP);
        msg = "line added";
      }
    } else {
      lines.add(insertAt, line + SEP);
      msg = "line added";
    }
    return new Result(String.join("", lines), !msg.isEmpty(), msg, 0);
  }

  /** Removes every line matching regexp, containing searchString, or equal to line (first one given wins). */
  static Result absent(String content, String regexp, String searchString, String line) throws ModuleException {
    Pattern re = regexp == null ? null : compile(regexp);
    List<String> kept = new ArrayList<>();
    int found = 0;
    for (String l : readLines(content)) {
      boolean matches = re != null ? re.matcher(l).find()
          : searchString != null ? l.contains(searchString) : line.equals(stripEol(l));
      if (matches) {
        found++;
      } else {
        kept.add(l);
      }
    }
    return new Result(String.join("", kept), found > 0, found > 0 ? found + " line(s) removed" : "", found);
  }

  static List<String> readLines(String content) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < content.length()) {
      int nl = content.indexOf('\n', start);
      int end = nl < 0 ? content.length() : nl + 1;
      lines.add(content.substring(start, end));
      start = end;
    }
    return lines;
  }

  /** Python's rstrip(b'\r\n'). */
  private static String stripEol(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  private static boolean endsWithEol(String s) {
    return s.endsWith("\n") || s.endsWith("\r");
  }

  private static Pattern compile(String regex) throws ModuleException {
    try {
      return PyRegex.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ModuleException("bad regular expression " + regex + ": " + e.getDescription());
    }
  }
}
