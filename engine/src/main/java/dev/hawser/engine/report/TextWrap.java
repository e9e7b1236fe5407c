package dev.hawser.engine.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code textwrap.wrap(text, width)} as Ansible uses it for warnings and errors: every
 * whitespace character becomes a space, lines break between words, whitespace at line ends is
 * dropped (but kept at the very start), and words longer than the width are cut. Unlike Python,
 * it does not break after hyphens.
 */
final class TextWrap {
  private TextWrap() {}

  static List<String> wrap(String text, int width) {
    List<String> chunks = chunks(text.replace("\t", "        "));
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int i = 0;
    while (i < chunks.size()) {
      String chunk = chunks.get(i);
      boolean space = chunk.isBlank();
      if (line.isEmpty() && space && !lines.isEmpty()) {
        i++;
        continue;
      }
      if (line.length() + chunk.length() <= width) {
        line.append(chunk);
        i++;
      } else if (line.isEmpty() || (!space && chunk.length() > width && line.length() < width)) {
        int room = width - line.length();
        line.append(chunk, 0, room);
        chunks.set(i, chunk.substring(room));
        lines.add(line.toString());
        line.setLength(0);
      } else {
        lines.add(stripEnd(line));
        line.setLength(0);
      }
    }
    if (!line.isEmpty() && !line.toString().isBlank()) {
      lines.add(stripEnd(line));
    }
    return lines;
  }

  private static String stripEnd(StringBuilder line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    return line.substring(0, end);
  }

  private static List<String> chunks(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= text.length(); i++) {
      if (i == text.length()
          || Character.isWhitespace(text.charAt(i)) != Character.isWhitespace(text.charAt(start))) {
        String chunk = text.substring(start, i);
        out.add(Character.isWhitespace(chunk.charAt(0)) ? " ".repeat(chunk.length()) : chunk);
        start = i;
      }
    }
    return out;
  }
}
