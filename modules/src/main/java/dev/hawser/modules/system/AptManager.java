package dev.hawser.modules.system;

import dev.hawser.engine.spi.Sh;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * apt on Debian and Ubuntu. Reads dpkg's status (unknown names make dpkg-query exit 1 but it still
 * prints the known ones), apt-cache policy for state=latest, and the cache's age for cache_valid_time.
 */
final class AptManager implements PackageManager {
  private static final String APT_GET = "DEBIAN_FRONTEND=noninteractive apt-get";
  private final Boolean installRecommends;
  private final boolean purge;
  private final boolean readCacheAge;

  AptManager(Boolean installRecommends, boolean purge, boolean readCacheAge) {
    this.installRecommends = installRecommends;
    this.purge = purge;
    this.readCacheAge = readCacheAge;
  }

  @Override
  public String name() {
    return "apt";
  }

  @Override
  public String read(List<String> names, boolean latest) {
    List<String> parts = new ArrayList<>();
    String bases = String.join(" ", names.stream().map(n -> Sh.quote(base(n))).toList());
    if (!names.isEmpty()) {
      parts.add(Sections.marker("dpkg"));
      parts.add(Sh.cmd("dpkg-query", "-W", "-f=${Package} ${Status} ${Version}\\n") + " " + bases + " 2>/dev/null");
      if (latest) {
        parts.add(Sections.marker("policy"));
        parts.add("LC_ALL=C apt-cache policy " + bases + " 2>/dev/null");
      }
    }
    if (readCacheAge) {
      parts.add(Sections.marker("cache"));
      parts.add("date +%s");
      parts.add("stat -c %Y /var/lib/apt/periodic/update-success-stamp /var/lib/apt/lists 2>/dev/null");
    }
    return String.join("; ", parts);
  }

  @Override
  public Inventory inventory(Map<String, List<String>> sections, List<String> names) {
    Map<String, List<String[]>> status = new HashMap<>();
    for (String line : sections.getOrDefault("dpkg", List.of())) {
      String[] f = line.strip().split("\\s+");
      if (f.length >= 4) {
        status.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
      }
    }
    Map<String, String[]> policy = policy(sections.getOrDefault("policy", List.of()));
    List<String> satisfied = new ArrayList<>();
    List<String> removable = new ArrayList<>();
    List<String> outdated = new ArrayList<>();
    for (String name : names) {
      String pkg = base(name).replaceFirst(":.*", "");
      Pattern pin = pin(name);
      for (String[] f : status.getOrDefault(pkg, List.of())) {
        boolean installed = f[3].equals("installed");
        String version = f.length > 4 ? f[4] : "";
        if (installed && (pin == null || pin.matcher(version).matches()) && !satisfied.contains(name)) {
          satisfied.add(name);
        }
        boolean leftover = f[3].equals("not-installed") || (f[3].equals("config-files") && !purge);
        if (!leftover && !removable.contains(name)) {
          removable.add(name);
        }
      }
      String[] candidate = policy.get(base(name));
      if (candidate != null && !candidate[0].equals("(none)") && !candidate[1].equals("(none)")
          && !candidate[0].equals(candidate[1])) {
        outdated.add(name);
      }
    }
    return new Inventory(satisfied, removable, outdated, cacheAge(sections.getOrDefault("cache", List.of())));
  }

  /** Installed and candidate versions by package, from apt-cache policy. */
  private static Map<String, String[]> policy(List<String> lines) {
    Map<String, String[]> out = new HashMap<>();
    String pkg = null;
    for (String line : lines) {
      String t = line.strip();
      if (!line.startsWith(" ") && t.endsWith(":")) {
        pkg = t.substring(0, t.length() - 1);
        out.put(pkg, new String[] {"(none)", "(none)"});
      } else if (pkg != null && t.startsWith("Installed:")) {
        out.get(pkg)[0] = t.substring("Installed:".length()).strip();
      } else if (pkg != null && t.startsWith("Candidate:")) {
        out.get(pkg)[1] = t.substring("Candidate:".length()).strip();
      }
    }
    return out;
  }

  private static Long cacheAge(List<String> lines) {
    if (lines.isEmpty()) {
      return null;
    }
    try {
      long now = Long.parseLong(lines.get(0).strip());
      return lines.size() < 2 ? Long.MAX_VALUE : now - Long.parseLong(lines.get(1).strip());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public String refresh() {
    return "apt-get update";
  }

  @Override
  public String install(List<String> names) {
    String recommends = installRecommends == null ? ""
        : installRecommends ? " --install-recommends" : " --no-install-recommends";
    return APT_GET + " install -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold"
        + recommends + " " + quoted(names);
  }

  @Override
  public String upgrade(List<String> names) {
    return install(names);
  }

  /** apt-get install both installs and upgrades: one command, in the order asked. */
  @Override
  public List<String> ensureLatest(List<String> changed, List<String> missing) {
    return changed.isEmpty() ? List.of() : List.of(install(changed));
  }

  @Override
  public String remove(List<String> names) {
    return APT_GET + " remove -y -q" + (purge ? " --purge " : " ")
        + quoted(names.stream().map(AptManager::base).toList());
  }

  /** The package without its version pin: {@code nginx=1.18*} is nginx. */
  static String base(String name) {
    int eq = name.indexOf('=');
    return eq < 0 ? name : name.substring(0, eq);
  }

  /** The version pin as a glob pattern, or null when none. */
  private static Pattern pin(String name) {
    int eq = name.indexOf('=');
    if (eq < 0) {
      return null;
    }
    StringBuilder re = new StringBuilder();
    for (char c : name.substring(eq + 1).toCharArray()) {
      re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString());
  }

  private static String quoted(List<String> names) {
    return String.join(" ", names.stream().map(Sh::quote).toList());
  }
}
