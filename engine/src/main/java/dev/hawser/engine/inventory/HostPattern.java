package dev.hawser.engine.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Ansible host patterns: unions, :&amp; intersections, :! exclusions, globs, ~regexes and [n:m] subscripts. */
public final class HostPattern {

  private static final Pattern SUBSCRIPT = Pattern.compile("^(.+)\\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))]$");
  private static final Pattern COLON_PART = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*])+");
  private static final Pattern HOST_WITH_PORT = Pattern.compile("^[^:\\[\\]\\s]+:\\d+$|^\\[[0-9a-fA-F:.]+](:\\d+)?$");
  private static final Pattern BARE_IPV6 = Pattern.compile("^[0-9a-fA-F:.]*::[0-9a-fA-F:.]*$|^([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}$");

  private HostPattern() {
  }

  /** Hosts matching the pattern, deduplicated, in Ansible's order. Unknown names match nothing. */
  public static List<Host> select(Inventory inventory, String pattern) {
    return evaluate(inventory, split(pattern));
  }

  /** Keeps the hosts that also match the --limit value; "@file" entries read one pattern per line from file. */
  public static List<Host> limit(Inventory inventory, List<Host> hosts, String limit) {
    List<String> patterns = new ArrayList<>();
    for (String part : split(limit)) {
      if (part.startsWith("@")) {
        patterns.addAll(limitFile(Path.of(part.substring(1))));
      } else {
        patterns.add(part);
      }
    }
    Set<Host> allowed = new LinkedHashSet<>(evaluate(inventory, patterns));
    return hosts.stream().filter(allowed::contains).toList();
  }

  /** Ansible's split_host_pattern: commas separate; without commas colons do, except in host:port and IPv6. */
  static List<String> split(String pattern) {
    List<String> parts = new ArrayList<>();
    if (pattern.contains(",")) {
      parts.addAll(List.of(pattern.split(",")));
    } else if (HOST_WITH_PORT.matcher(pattern.strip()).matches() || BARE_IPV6.matcher(pattern.strip()).matches()) {
      parts.add(pattern);
    } else {
      Matcher m = COLON_PART.matcher(pattern);
      while (m.find()) {
        parts.add(m.group());
      }
    }
    return parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  private static List<Host> evaluate(Inventory inventory, List<String> patterns) {
    List<String> ordered = new ArrayList<>();
    patterns.stream().filter(p -> !p.startsWith("!") && !p.startsWith("&")).forEach(ordered::add);
    if (ordered.isEmpty()) {
      ordered.add("all");
    }
    patterns.stream().filter(p -> p.startsWith("&")).forEach(ordered::add);
    patterns.stream().filter(p -> p.startsWith("!")).forEach(ordered::add);

    Set<Host> hosts = new LinkedHashSet<>();
    for (String p : ordered) {
      if (inventory.host(p).isPresent()) {
        hosts.add(inventory.host(p).get());
        continue;
      }
      List<Host> matched = matchOne(inventory, p.startsWith("!") || p.startsWith("&") ? p.substring(1) : p);
      if (p.startsWith("!")) {
        matched.forEach(hosts::remove);
      } else if (p.startsWith("&")) {
        hosts.retainAll(new LinkedHashSet<>(matched));
      } else {
        hosts.addAll(matched);
      }
    }
    return new ArrayList<>(hosts);
  }

  private static List<Host> matchOne(Inventory inventory, String pattern) {
    if (pattern.isEmpty()) {
      return List.of();
    }
    Matcher sub = pattern.startsWith("~") ? null : SUBSCRIPT.matcher(pattern);
    if (sub == null || !sub.matches()) {
      return enumerate(inventory, pattern);
    }
    List<Host> hosts = enumerate(inventory, sub.group(1));
    if (sub.group(2) != null) {
      int index = Integer.parseInt(sub.group(2));
      return single(hosts, index < 0 ? hosts.size() + index : index);
    }
    int start = Integer.parseInt(sub.group(3));
    int end = sub.group(5).isEmpty() ? -1 : Integer.parseInt(sub.group(5));
    if (end == 0) {
      // Ansible reads an end of 0 as "no end": x[n:0] selects the single host n.
      return single(hosts, start);
    }
    int stop = end == -1 ? hosts.size() : Math.min(end + 1, hosts.size());
    return start >= stop ? List.of() : new ArrayList<>(hosts.subList(start, stop));
  }

  /** An index past the end selects nothing (ansible --list-hosts shows no hosts, no error). */
  private static List<Host> single(List<Host> hosts, int index) {
    return index >= 0 && index < hosts.size() ? List.of(hosts.get(index)) : List.of();
  }

  /** Groups matching the pattern give all their hosts; hosts are matched by name for globs, regexes and misses. */
  private static List<Host> enumerate(Inventory inventory, String pattern) {
    Pattern regex = compile(pattern);
    Set<Host> result = new LinkedHashSet<>();
    boolean groupMatched = false;
    for (Group group : inventory.groups()) {
      if (matches(regex, pattern, group.name())) {
        groupMatched = true;
        result.addAll(group.allHosts());
      }
    }
    boolean special = pattern.startsWith("~") || pattern.matches(".*[.?*\\[].*");
    if (!groupMatched || special) {
      for (Host host : inventory.hosts()) {
        if (matches(regex, pattern, host.name())) {
          result.add(host);
        }
      }
    }
    if (result.isEmpty() && Inventory.LOCALHOST_NAMES.contains(pattern)) {
      result.add(inventory.localhost());
    }
    return new ArrayList<>(result);
  }

  private static boolean matches(Pattern regex, String pattern, String name) {
    return pattern.startsWith("~") ? regex.matcher(name).lookingAt() : regex.matcher(name).matches();
  }

  private static Pattern compile(String pattern) {
    try {
      return Pattern.compile(pattern.startsWith("~") ? pattern.substring(1) : glob(pattern), Pattern.DOTALL);
    } catch (PatternSyntaxException e) {
      throw new InventoryException("Invalid host list pattern: " + pattern);
    }
  }

  /** fnmatch.translate: * ? [seq] [!seq], everything else literal. */
  static String glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      int close = c == '[' ? pattern.indexOf(']', i + 2) : -1;
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else if (close > 0) {
        String set = pattern.substring(i + 1, close);
        String negate = set.startsWith("!") ? "^" : "";
        String body = negate.isEmpty() ? set : set.substring(1);
        regex.append('[').append(negate).append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
        i = close;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  private static List<String> limitFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InventoryException(file + ": limit file not found (a --limit starting with @ must name a file)");
    }
    try {
      return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    } catch (IOException e) {
      throw new InventoryException(file + ": cannot read limit file: " + e.getMessage());
    }
  }
}
