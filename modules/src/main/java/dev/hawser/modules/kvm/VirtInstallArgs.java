package dev.hawser.modules.kvm;

import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Params;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The virt-install argv for a virt_install task (quoted later, as a whole, by Sh.cmd). */
final class VirtInstallArgs {
  private VirtInstallArgs() {}

  static List<String> build(Params params, String uri, String virtType, List<String> cloudInitFiles)
      throws ModuleException {
    List<String> a = new ArrayList<>(List.of("virt-install", "--connect", uri, "--name", params.str("name"),
        "--memory", params.str("memory"), "--vcpus", params.str("vcpus"), "--virt-type", virtType,
        "--os-variant", params.str("os_variant")));
    Object disks = params.raw("disks");
    if (disks instanceof List<?> list) {
      for (Object d : list) {
        a.addAll(List.of("--disk", disk(d)));
      }
    }
    if (params.bool("import")) {
      a.add("--import");
    } else if (params.has("cdrom")) {
      a.addAll(List.of("--cdrom", params.str("cdrom")));
    } else if (params.has("location")) {
      a.addAll(List.of("--location", params.str("location")));
    }
    params.opt("extra_args").ifPresent(x -> a.addAll(List.of("--extra-args", x)));
    a.addAll(List.of("--network", params.str("network"), "--graphics", params.str("graphics")));
    params.opt("console").ifPresent(x -> a.addAll(List.of("--console", x)));
    if (params.bool("boot_uefi")) {
      a.addAll(List.of("--boot", "uefi"));
    }
    if (!cloudInitFiles.isEmpty()) {
      a.addAll(List.of("--cloud-init", "user-data=" + cloudInitFiles.get(0)
          + (cloudInitFiles.size() > 1 ? ",meta-data=" + cloudInitFiles.get(1) : "")));
    }
    if (Boolean.TRUE.equals(params.raw("autostart")) && !params.str("state").matches("shutdown|destroyed")) {
      a.add("--autostart");
    }
    a.add("--noautoconsole");
    if (!params.bool("import")) {
      a.addAll(List.of("--wait", "0"));  // return once the installer is started
    }
    return a;
  }

  /** A disk: a path, a ready virt-install spec (with '='), or a map {path, size, format, bus, ...}. */
  private static String disk(Object d) throws ModuleException {
    if (!(d instanceof Map<?, ?> m)) {
      String s = String.valueOf(d);
      return s.contains("=") ? s : "path=" + commaFree(s);
    }
    if (m.get("path") == null) {
      throw new ModuleException("a disk needs a path: " + m);
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String key = String.valueOf(e.getKey());
      String value = String.valueOf(e.getValue());
      if (key.equals("size")) {
        // virt-install sizes are GiB; accept 10G/512M too.
        value = value.matches("\\d+(\\.\\d+)?") ? value : new BigDecimal(Sizes.parse("disk size", value))
            .divide(BigDecimal.valueOf(1L << 30), 3, RoundingMode.UP).stripTrailingZeros().toPlainString();
      }
      parts.add(key + "=" + commaFree(value));
    }
    return String.join(",", parts);
  }

  private static String commaFree(String v) throws ModuleException {
    if (v.contains(",")) {
      throw new ModuleException("'" + v + "' contains a comma, which virt-install reads as an option separator");
    }
    return v;
  }
}
