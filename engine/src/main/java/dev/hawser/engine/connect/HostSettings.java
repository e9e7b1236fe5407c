package dev.hawser.engine.connect;

import dev.hawser.engine.connect.ConnectionSpec.HostKeyChecking;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The ~/.ssh/config options Hawser uses for one host; null or empty means "not set in the config". */
record HostSettings(
    String hostName,
    String user,
    Integer port,
    List<Path> identityFiles,
    String proxyJump,
    Path userKnownHostsFile,
    HostKeyChecking strictHostKeyChecking,
    Integer connectTimeoutSeconds) {

  static HostSettings from(String host, Map<String, List<String>> first, List<String> identities, Path home) {
    String hostName = value(first, "hostname");
    if (hostName != null) {
      hostName = hostName.replace("%h", host);
    }
    String user = value(first, "user");
    String jump = value(first, "proxyjump");
    if (jump != null && jump.equalsIgnoreCase("none")) {
      jump = null;
    }
    String knownHosts = value(first, "userknownhostsfile");
    List<Path> files = new ArrayList<>();
    for (String identity : identities) {
      String expanded = identity.replace("%d", home.toString()).replace("%h", hostName != null ? hostName : host);
      if (user != null) {
        expanded = expanded.replace("%r", user);
      }
      files.add(ConfigTokens.expandHome(expanded, home));
    }
    return new HostSettings(
        hostName,
        user,
        integer(value(first, "port")),
        List.copyOf(files),
        jump,
        knownHosts == null || knownHosts.equalsIgnoreCase("none") ? null : ConfigTokens.expandHome(knownHosts, home),
        checking(value(first, "stricthostkeychecking")),
        integer(value(first, "connecttimeout")));
  }

  private static String value(Map<String, List<String>> first, String key) {
    List<String> args = first.get(key);
    return args == null || args.isEmpty() ? null : args.get(0);
  }

  private static Integer integer(String s) {
    try {
      return s == null ? null : Integer.valueOf(s);
    } catch (NumberFormatException e) {
      return null; // a bad value in the user's config is ignored, as if unset
    }
  }

  private static HostKeyChecking checking(String s) {
    if (s == null) {
      return null;
    }
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "no", "off", "false" -> HostKeyChecking.OFF;
      case "accept-new" -> HostKeyChecking.ACCEPT_NEW;
      case "yes", "ask", "true" -> HostKeyChecking.STRICT;
      default -> null;
    };
  }
}
