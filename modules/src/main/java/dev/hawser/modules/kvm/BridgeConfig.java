package dev.hawser.modules.kvm;

import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What configure_bridge writes for one backend: the files, rendered from the task's parameters. */
final class BridgeConfig {
  static final String IFUPDOWN = "ifupdown";
  static final String NETPLAN = "netplan";
  static final String NM = "networkmanager";

  /** One file the backend reads; content null until rendered. */
  record ConfigFile(String path, String mode, String content) {}

  private BridgeConfig() {}

  static String defaultFile(String backend, String name) {
    return switch (backend) {
      case NETPLAN -> "/etc/netplan/60-hawser-" + name + ".yaml";
      case NM -> "/etc/NetworkManager/system-connections/" + name + ".nmconnection";
      default -> "/etc/network/interfaces.d/" + name;
    };
  }

  /** Every file the backend would write (paths only), so the state script can read them all at once. */
  static List<String> paths(String backend, String name, String file, List<String> ports) {
    List<String> paths = new ArrayList<>(List.of(file != null ? file : defaultFile(backend, name)));
    if (backend.equals(NM)) {
      ports.forEach(p -> paths.add(portFile(name, p)));
    }
    return paths;
  }

  private static String portFile(String name, String port) {
    return "/etc/NetworkManager/system-connections/" + name + "-port-" + port + ".nmconnection";
  }

  static List<ConfigFile> render(Params params, Remote host, String backend, String file) throws ModuleException {
    String name = params.str("name");
    List<String> ports = params.strings("ports");
    Map<String, Object> scope = scope(params, file);
    String bundled = switch (backend) {
      case NETPLAN -> "netplan.yaml.mustache";
      case NM -> "bridge.nmconnection.mustache";
      default -> "interfaces.mustache";
    };
    String text = KvmTemplates.render(host, params.str("template"), bundled, scope);
    String mode = backend.equals(IFUPDOWN) ? "0644" : "0600";  // netplan and NM refuse world-readable files
    List<ConfigFile> files = new ArrayList<>(List.of(new ConfigFile(file, mode, text)));
    if (backend.equals(NM)) {
      for (String port : ports) {
        files.add(new ConfigFile(portFile(name, port), "0600", "# Written by Hawser (configure_bridge)\n"
            + "[connection]\nid=" + name + "-port-" + port + "\ntype=ethernet\ninterface-name=" + port
            + "\nmaster=" + name + "\nslave-type=bridge\nautoconnect=true\n"));
      }
    }
    return files;
  }

  static Map<String, Object> scope(Params params, String file) throws ModuleException {
    List<String> ports = params.strings("ports");
    List<String> dns = params.strings("dns");
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", params.str("name"));
    s.put("ports", ports);
    s.put("has_ports", !ports.isEmpty());
    s.put("ports_line", ports.isEmpty() ? "none" : String.join(" ", ports));
    s.put("ports_csv", String.join(", ", ports));
    boolean isStatic = params.has("address");
    s.put("static", isStatic);
    s.put("dhcp", !isStatic && params.bool("dhcp"));
    s.put("method", isStatic ? "static" : params.bool("dhcp") ? "dhcp" : "manual");
    if (isStatic) {
      String[] a = params.str("address").split("/", 2);
      int prefix = a.length > 1 ? prefix(a[1]) : params.has("netmask") ? prefix(params.str("netmask")) : -1;
      if (prefix < 0) {
        throw new ModuleException("address " + params.str("address") + " needs a prefix (10.0.0.2/24) or a netmask");
      }
      s.put("address", a[0]);
      s.put("prefix", prefix);
      s.put("netmask", netmask(prefix));
      s.put("cidr", a[0] + "/" + prefix);
      s.put("gateway", params.str("gateway"));
    }
    s.put("dns", dns);
    s.put("dns_line", String.join(" ", dns));
    s.put("dns_csv", String.join(", ", dns));
    s.put("dns_nm", String.join(";", dns) + (dns.isEmpty() ? "" : ";"));
    s.put("stp", params.bool("stp") ? "on" : "off");
    s.put("stp_bool", params.bool("stp"));
    s.put("forward_delay", params.integer("forward_delay"));
    s.put("whole_file", "/etc/network/interfaces".equals(file));
    return s;
  }

  /** A prefix length from "24" or "255.255.255.0". */
  private static int prefix(String s) throws ModuleException {
    if (s.matches("\\d{1,2}") && Integer.parseInt(s) <= 32) {
      return Integer.parseInt(s);
    }
    String[] o = s.split("\\.");
    if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      long bits = 0;
      for (String part : o) {
        bits = bits << 8 | Integer.parseInt(part);
      }
      int p = Long.bitCount(bits);
      if (bits == (0xFFFFFFFFL << (32 - p) & 0xFFFFFFFFL)) {
        return p;
      }
    }
    throw new ModuleException("'" + s + "' is not a netmask or prefix length");
  }

  private static String netmask(int prefix) {
    long m = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
    return (m >> 24 & 255) + "." + (m >> 16 & 255) + "." + (m >> 8 & 255) + "." + (m & 255);
  }
}
