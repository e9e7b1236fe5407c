package dev.hawser.modules.core;

import dev.hawser.engine.spi.ModuleException;
import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words as Python's shlex.split does (what Ansible's command module uses). */
final class ShellWords {
  private static final String WHITESPACE = " \t\r\n";

  private ShellWords() {}

  static List<String> split(String line) throws ModuleException {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (WHITESPACE.indexOf(c) >= 0) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
        continue;
      }
      inWord = true;
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new ModuleException("No closing quotation in: " + line);
        }
        word.append(line, i + 1, end);
        i = end + 1;
      } else if (c == '"') {
        i = doubleQuoted(line, i + 1, word);
      } else if (c == '\\') {
        if (i + 1 >= line.length()) {
          throw new ModuleException("No escaped character in: " + line);
        }
        word.append(line.charAt(i + 1));
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Reads up to the closing quote; inside, a backslash escapes only \ and ". Returns the index after it. */
  private static int doubleQuoted(String line, int i, StringBuilder word) throws ModuleException {
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length() && "\\\"".indexOf(line.charAt(i + 1)) >= 0) {
        word.append(line.charAt(i + 1));
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw new ModuleException("No closing quotation in: " + line);
  }
}
