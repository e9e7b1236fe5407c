package dev.hawser.modules.system;

import dev.hawser.engine.spi.Sh;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A package manager that checks names one by one ({@code rpm -q --quiet NAME}, {@code apk info -e
 * NAME}), so version specs and provides work as the tool understands them: dnf, yum, zypper, apk.
 */
record LoopManager(String name, String check, String updates, String refresh, String installPrefix,
    String upgradePrefix, String removePrefix) implements PackageManager {

  static LoopManager dnf() {
    return rpm("dnf", "dnf -q check-update", "dnf makecache", "dnf install -y", "dnf upgrade -y", "dnf remove -y");
  }

  static LoopManager yum() {
    return rpm("yum", "yum -q check-update", "yum makecache", "yum install -y", "yum update -y", "yum remove -y");
  }

  static LoopManager zypper() {
    return rpm("zypper", "zypper -n -q list-updates", "zypper -n refresh", "zypper -n install",
        "zypper -n update", "zypper -n remove");
  }

  static LoopManager apk() {
    return new LoopManager("apk", "apk info -e", "apk version -l '<'", "apk update", "apk add",
        "apk add --upgrade", "apk del");
  }

  private static LoopManager rpm(String name, String updates, String refresh, String install,
      String upgrade, String remove) {
    return new LoopManager(name, "rpm -q --quiet", updates, refresh, install, upgrade, remove);
  }

  @Override
  public String read(List<String> names, boolean latest) {
    if (names.isEmpty()) {
      return "";
    }
    String quoted = String.join(" ", names.stream().map(Sh::quote).toList());
    String loop = Sections.marker("installed") + "; for p in " + quoted + "; do if " + check
        + " \"$p\" >/dev/null 2>&1; then printf '%s\\n' \"$p\"; fi; done";
    return latest ? loop + "; " + Sections.marker("updates") + "; " + updates + " " + quoted + " 2>/dev/null" : loop;
  }

  @Override
  public Inventory inventory(Map<String, List<String>> sections, List<String> names) {
    List<String> installed = sections.getOrDefault("installed", List.of()).stream().map(String::strip).toList();
    List<String> updatable = sections.getOrDefault("updates", List.of()).stream()
        .map(this::updatedPackage).filter(p -> !p.isEmpty()).toList();
    List<String> satisfied = names.stream().filter(installed::contains).toList();
    List<String> outdated = new ArrayList<>();
    for (String n : satisfied) {
      if (updatable.contains(n)) {
        outdated.add(n);
      }
    }
    return new Inventory(satisfied, satisfied, outdated, null);
  }

  /** The package name on one line of the tool's update listing, or "". */
  private String updatedPackage(String line) {
    String t = line.strip();
    if (name.equals("zypper")) {
      String[] cols = t.split("\\|");
      return cols.length > 2 ? cols[2].strip() : "";
    }
    String first = t.split("\\s+")[0];
    if (name.equals("apk")) {
      // busybox-1.36.1-r0 < 1.36.1-r2: drop the version and release
      return first.matches(".+-[^-]+-r\\d+") ? first.replaceFirst("-[^-]+-r\\d+$", "") : "";
    }
    // dnf/yum: name.arch version repo
    String[] cols = t.split("\\s+");
    return cols.length == 3 && first.contains(".") ? first.substring(0, first.lastIndexOf('.')) : "";
  }

  @Override
  public String install(List<String> names) {
    return installPrefix + " " + quoted(names);
  }

  @Override
  public String upgrade(List<String> names) {
    return upgradePrefix + " " + quoted(names);
  }

  @Override
  public String remove(List<String> names) {
    return removePrefix + " " + quoted(names);
  }

  private static String quoted(List<String> names) {
    return String.join(" ", names.stream().map(Sh::quote).toList());
  }
}
