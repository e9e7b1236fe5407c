package dev.hawser.modules.kvm;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.Fact;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.Step;
import dev.hawser.engine.spi.TaskModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Installs the KVM/libvirt stack for the host's distribution family plus extra {@code names}.
 * One round trip reads os-release, the package managers present and which candidate packages
 * (of every family, since the family is only known afterwards) are installed.
 */
public final class InstallPackages implements TaskModule {
  static final Map<String, List<String>> STACK = Map.of(
      "debian", List.of("qemu-system-x86", "qemu-utils", "libvirt-daemon-system", "libvirt-clients",
          "virtinst", "bridge-utils"),
      "redhat", List.of("qemu-kvm", "libvirt", "virt-install", "qemu-img"),
      "suse", List.of("qemu-kvm", "libvirt", "virt-install", "qemu-tools"));
  private static final List<String> FAMILIES = List.of("debian", "redhat", "suse");
  private static final List<String> MANAGERS = List.of("apt-get", "dnf", "yum", "zypper");

  @Override
  public String name() {
    return "install_packages";
  }

  @Override
  public String summary() {
    return "Installs the KVM/libvirt packages for the host's distribution (apt, dnf, yum, zypper)";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.list("names").doc("extra packages to install with the stack"),
        Param.bool("stack").defaultTo(true).doc("include the KVM/libvirt stack for the distribution"),
        Param.bool("update_cache").doc("refresh package metadata first (only when something is missing)"),
        Param.bool("install_recommends").defaultTo(true).doc("also install recommended/weak dependencies"),
        Param.choice("state", "present").defaultTo("present"));
  }

  static String fact(Set<String> candidates) {
    String names = Sh.cmd(candidates.toArray(String[]::new));
    return String.join("; ",
        "if [ -r /etc/os-release ]; then . /etc/os-release; fi",
        Probe.value("id", "${ID:-unknown}"),
        Probe.value("like", "${ID_LIKE:-}"),
        Probe.value("managers", "$(for m in " + String.join(" ", MANAGERS)
            + "; do command -v $m >/dev/null 2>&1 && printf '%s ' $m; done)"),
        Probe.section("installed", "if command -v dpkg-query >/dev/null 2>&1; then dpkg-query -W -f='${Package} ${db:Status-Abbrev}\\n' "
            + names + " 2>/dev/null; elif command -v rpm >/dev/null 2>&1; then rpm -q --qf '%{NAME} ii\\n' "
            + names + " 2>/dev/null | grep ' ii$'; fi; true"));
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    for (String n : params.strings("names")) {
      if (!n.matches("[A-Za-z0-9][A-Za-z0-9+._:~=/-]*")) {
        throw new ModuleException("'" + n + "' is not a package name");
      }
    }
    Set<String> candidates = new LinkedHashSet<>(params.strings("names"));
    if (params.bool("stack")) {
      FAMILIES.forEach(f -> candidates.addAll(STACK.get(f)));
    }
    Probe p = host.fact(Fact.of(fact(candidates), r -> Probe.parse(r.stdout())));
    String family = family(p.value("id") + " " + p.value("like"));
    if (family == null) {
      throw new ModuleException("unsupported distribution ID=" + p.value("id") + " (ID_LIKE="
          + p.value("like") + "): install_packages knows Debian/Ubuntu, RHEL/Rocky/Fedora and SUSE; "
          + "install the KVM stack with the package module instead");
    }
    String manager = manager(family, p.words("managers"));
    Set<String> wanted = new LinkedHashSet<>();
    if (params.bool("stack")) {
      wanted.addAll(STACK.get(family));
    }
    wanted.addAll(params.strings("names"));
    Set<String> present = new LinkedHashSet<>();
    for (String line : p.body("installed").split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length >= 2 && f[1].startsWith("ii")) {
        present.add(f[0].replaceFirst(":.*", ""));
      }
    }
    List<String> installed = wanted.stream().filter(present::contains).toList();
    List<String> missing = wanted.stream().filter(n -> !present.contains(n)).toList();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("family", family);
    data.put("manager", manager);
    data.put("installed", installed);
    data.put("missing", missing);
    if (missing.isEmpty()) {
      return new Change.None("all " + wanted.size() + " packages are installed", data);
    }
    List<Step> steps = new ArrayList<>();
    boolean recommends = params.bool("install_recommends");
    List<String> argv = new ArrayList<>();
    switch (manager) {
      case "apt-get" -> {
        if (params.bool("update_cache")) {
          steps.add(new Step.Run("apt-get update"));
        }
        argv.addAll(List.of("apt-get", "install", "-y", "-o", "Dpkg::Options::=--force-confdef",
            "-o", "Dpkg::Options::=--force-confold"));
        if (!recommends) {
          argv.add("--no-install-recommends");
        }
      }
      case "dnf", "yum" -> {
        argv.addAll(List.of(manager, "install", "-y"));
        if (params.bool("update_cache")) {
          argv.add("--refresh");
        }
        if (!recommends) {
          argv.add("--setopt=install_weak_deps=False");
        }
      }
      default -> {
        if (params.bool("update_cache")) {
          steps.add(new Step.Run("zypper --non-interactive refresh"));
        }
        argv.addAll(List.of("zypper", "--non-interactive", "install"));
        if (!recommends) {
          argv.add("--no-recommends");
        }
      }
    }
    argv.addAll(missing);
    String env = manager.equals("apt-get") ? "DEBIAN_FRONTEND=noninteractive " : "";
    steps.add(new Step.Run(env + Sh.cmd(argv.toArray(String[]::new))));
    return new Change.Pending(steps, List.of(), "installing " + String.join(" ", missing), data);
  }

  static String family(String idAndLike) {
    for (String id : idAndLike.strip().split("\\s+")) {
      switch (id.replace("\"", "")) {
        case "debian", "ubuntu" -> { return "debian"; }
        case "rhel", "fedora", "centos", "rocky", "almalinux" -> { return "redhat"; }
        case "suse", "opensuse", "sles", "opensuse-leap", "opensuse-tumbleweed" -> { return "suse"; }
        default -> { }
      }
    }
    return null;
  }

  private static String manager(String family, List<String> present) throws ModuleException {
    List<String> fits = switch (family) {
      case "debian" -> List.of("apt-get");
      case "redhat" -> List.of("dnf", "yum");
      default -> List.of("zypper");
    };
    return fits.stream().filter(present::contains).findFirst().orElseThrow(() -> new ModuleException(
        "no package manager for the " + family + " family found (looked for " + String.join(", ", fits) + ")"));
  }
}
