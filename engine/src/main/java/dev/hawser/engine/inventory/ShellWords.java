package dev.hawser.engine.inventory;

import java.util.ArrayList;
import java.util.List;

/** Python's shlex.split(line, comments=True): POSIX quoting, and an unquoted '#' ends the line. */
final class ShellWords {

  private ShellWords() {
  }

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i++);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (c == '#') {
        break;
      } else if (c == '\'') {
        int end = line.indexOf('\'', i);
        if (end < 0) {
          throw new IllegalArgumentException("No closing quotation");
        }
        word.append(line, i, end);
        i = end + 1;
        inWord = true;
      } else if (c == '"') {
        i = doubleQuoted(line, i, word);
        inWord = true;
      } else if (c == '\\') {
        if (i >= line.length()) {
          throw new IllegalArgumentException("No escaped character");
        }
        word.append(line.charAt(i++));
        inWord = true;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Appends a "..." section starting after its opening quote; returns the index after the closing one. */
  private static int doubleQuoted(String line, int i, StringBuilder word) {
    while (i < line.length()) {
      char c = line.charAt(i++);
      if (c == '"') {
        return i;
      }
      if (c == '\\' && i < line.length() && (line.charAt(i) == '"' || line.charAt(i) == '\\')) {
        c = line.charAt(i++);
      }
      word.append(c);
    }
    throw new IllegalArgumentException("No closing quotation");
  }
}
