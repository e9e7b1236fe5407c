package dev.hawser.engine.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Host definitions as Ansible reads them: an optional ":port" and [a:b:step] ranges anywhere in the name. */
final class HostRanges {

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final Pattern BRACKETED_IPV6 = Pattern.compile("^\\[([0-9a-fA-F:.]+)](?::(\\d+))?$");
  private static final Pattern WITH_PORT = Pattern.compile("^(.+):(\\d+)$");

  /** A host pattern split into its name (still holding ranges) and port (null when absent). */
  record Address(String name, Integer port) {
  }

  private HostRanges() {
  }

  /** Splits "name:port", "[v6]:port" and bare IPv6 addresses the way Ansible's parse_address does. */
  static Address parseAddress(String pattern) {
    Matcher v6 = BRACKETED_IPV6.matcher(pattern);
    if (v6.matches()) {
      return new Address(v6.group(1), v6.group(2) == null ? null : Integer.valueOf(v6.group(2)));
    }
    Matcher withPort = WITH_PORT.matcher(pattern);
    if (withPort.matches() && outsideBrackets(withPort.group(1)).matches("[^:\\[\\]]+")) {
      return new Address(withPort.group(1), Integer.valueOf(withPort.group(2)));
    }
    return new Address(pattern, null);
  }

  /** Expands every [begin:end] or [begin:end:step] range; throws IllegalArgumentException on a bad one. */
  static List<String> expand(String pattern) {
    int open = pattern.indexOf('[');
    if (open < 0) {
      return List.of(pattern);
    }
    int close = pattern.indexOf(']', open);
    if (close < 0) {
      throw new IllegalArgumentException("unclosed '[' in host pattern '" + pattern + "'");
    }
    String head = pattern.substring(0, open);
    String tail = pattern.substring(close + 1);
    List<String> result = new ArrayList<>();
    for (String item : sequence(pattern, pattern.substring(open + 1, close))) {
      result.addAll(expand(head + item + tail));
    }
    return result;
  }

  private static List<String> sequence(String pattern, String range) {
    String[] bounds = range.split(":", -1);
    if (bounds.length != 2 && bounds.length != 3) {
      throw bad(pattern, "range must be begin:end or begin:end:step");
    }
    String begin = bounds[0].isEmpty() ? "0" : bounds[0];
    String end = bounds[1];
    if (end.isEmpty()) {
      throw bad(pattern, "range must specify an end value");
    }
    int step = bounds.length == 3 ? integer(pattern, bounds[2]) : 1;
    if (step <= 0) {
      throw bad(pattern, "range step must be a positive number");
    }
    int width = 0;
    if (begin.length() > 1 && begin.charAt(0) == '0') {
      if (begin.length() != end.length()) {
        throw bad(pattern, "range must use equal-length begin and end formats");
      }
      width = begin.length();
    }
    List<String> items = new ArrayList<>();
    int from = LETTERS.indexOf(begin);
    int to = LETTERS.indexOf(end);
    if (begin.length() == 1 && end.length() == 1 && from >= 0 && to >= 0) {
      if (from > to) {
        throw bad(pattern, "range must have begin <= end");
      }
      for (int i = from; i <= to; i += step) {
        items.add(String.valueOf(LETTERS.charAt(i)));
      }
      return items;
    }
    int first = integer(pattern, begin);
    int last = integer(pattern, end);
    for (int i = first; i <= last; i += step) {
      String digits = String.valueOf(i);
      items.add(width > digits.length() ? "0".repeat(width - digits.length()) + digits : digits);
    }
    return items;
  }

  private static int integer(String pattern, String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw bad(pattern, "'" + text + "' is not a number or a single letter");
    }
  }

  private static IllegalArgumentException bad(String pattern, String why) {
    return new IllegalArgumentException("bad host range in '" + pattern + "': " + why);
  }

  private static String outsideBrackets(String text) {
    return text.replaceAll("\\[[^\\]]*]", "");
  }
}
