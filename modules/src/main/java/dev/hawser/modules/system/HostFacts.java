package dev.hawser.modules.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the raw key=value lines of the setup command into Ansible's fact names and shapes. */
final class HostFacts {
  private HostFacts() {}

  static Map<String, Object> of(Map<String, String> raw) {
    Map<String, Object> f = new LinkedHashMap<>();
    String hostname = raw.getOrDefault("hostname", "");
    f.put("hostname", hostname.contains(".") ? hostname.substring(0, hostname.indexOf('.')) : hostname);
    f.put("nodename", hostname);
    f.put("fqdn", raw.getOrDefault("fqdn", hostname));
    f.put("kernel", raw.getOrDefault("kernel", ""));
    f.put("system", raw.getOrDefault("system", ""));
    f.put("machine", raw.getOrDefault("machine", ""));
    f.put("architecture", raw.getOrDefault("machine", ""));
    f.put("user_id", raw.getOrDefault("user_id", ""));
    f.put("user_uid", number(raw.get("user_uid")));
    f.put("processor_vcpus", number(raw.get("vcpus")));
    Object kb = number(raw.get("memtotal_kb"));
    f.put("memtotal_mb", kb instanceof Integer k ? k / 1024 : kb);
    f.put("pkg_mgr", pkgMgr(raw.getOrDefault("pkg", "unknown")));
    f.put("service_mgr", raw.getOrDefault("service", "unknown"));
    String id = raw.getOrDefault("os_ID", "").toLowerCase(Locale.ROOT);
    String version = raw.getOrDefault("os_VERSION_ID", "");
    f.put("distribution", distribution(id, raw.getOrDefault("os_NAME", id)));
    f.put("distribution_version", version);
    f.put("distribution_major_version", version.contains(".") ? version.substring(0, version.indexOf('.')) : version);
    f.put("distribution_release", raw.getOrDefault("os_VERSION_CODENAME", ""));
    f.put("os_family", family(id, raw.getOrDefault("os_ID_LIKE", "")));
    f.put("default_ipv4", defaultRoute(raw.getOrDefault("route", "")));
    return f;
  }

  private static Object number(String s) {
    try {
      return s == null ? null : Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return s;
    }
  }

  private static String pkgMgr(String tool) {
    return tool.equals("apt-get") ? "apt" : tool;
  }

  private static String distribution(String id, String name) {
    return switch (id) {
      case "debian" -> "Debian";
      case "ubuntu" -> "Ubuntu";
      case "rocky" -> "Rocky";
      case "almalinux" -> "AlmaLinux";
      case "centos" -> "CentOS";
      case "fedora" -> "Fedora";
      case "rhel" -> "RedHat";
      case "alpine" -> "Alpine";
      case "arch" -> "Archlinux";
      default -> name.isEmpty() ? "" : name.split(" ")[0];
    };
  }

  /** Ansible's os_family: the distribution's family, found from ID then ID_LIKE. */
  static String family(String id, String idLike) {
    for (String candidate : (id + " " + idLike).toLowerCase(Locale.ROOT).split("\\s+")) {
      switch (candidate) {
        case "debian", "ubuntu" -> { return "Debian"; }
        case "rhel", "centos", "fedora", "rocky", "almalinux" -> { return "RedHat"; }
        case "suse", "opensuse", "sles", "opensuse-leap" -> { return "Suse"; }
        case "alpine" -> { return "Alpine"; }
        case "arch" -> { return "Archlinux"; }
        default -> { }
      }
    }
    return id.isEmpty() ? "" : Character.toUpperCase(id.charAt(0)) + id.substring(1);
  }

  /** "default via 172.17.0.1 dev eth0 ..." → {gateway, interface}. */
  private static Map<String, Object> defaultRoute(String route) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<String> words = List.of(route.strip().split("\\s+"));
    for (int i = 0; i + 1 < words.size(); i++) {
      if (words.get(i).equals("via")) {
        m.put("gateway", words.get(i + 1));
      } else if (words.get(i).equals("dev")) {
        m.put("interface", words.get(i + 1));
      }
    }
    return m;
  }
}
