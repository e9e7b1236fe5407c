package dev.hawser.cli;

import dev.hawser.engine.connect.ConnectionSpec.HostKeyChecking;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * --host-key-checking, else Ansible's ANSIBLE_HOST_KEY_CHECKING, else host_key_checking in
 * ansible.cfg (ANSIBLE_CONFIG, ./ansible.cfg, ~/.ansible.cfg), else strict.
 */
final class HostKeyCheckingOption {
  private HostKeyCheckingOption() {}

  static HostKeyChecking resolve(String option) throws CliException {
    if (option != null) {
      return switch (option.toLowerCase(Locale.ROOT)) {
        case "strict", "yes", "true" -> HostKeyChecking.STRICT;
        case "accept-new" -> HostKeyChecking.ACCEPT_NEW;
        case "off", "no", "false" -> HostKeyChecking.OFF;
        default -> throw new CliException("--host-key-checking must be strict, accept-new or off, not '" + option + "'");
      };
    }
    String env = System.getenv("ANSIBLE_HOST_KEY_CHECKING");
    if (env != null) {
      return isFalse(env) ? HostKeyChecking.OFF : HostKeyChecking.STRICT;
    }
    String cfg = fromAnsibleCfg();
    return cfg != null && isFalse(cfg) ? HostKeyChecking.OFF : HostKeyChecking.STRICT;
  }

  private static boolean isFalse(String v) {
    return v.strip().toLowerCase(Locale.ROOT).matches("false|no|off|0");
  }

  private static String fromAnsibleCfg() {
    String configured = System.getenv("ANSIBLE_CONFIG");
    List<Path> candidates = configured != null ? List.of(Path.of(configured))
        : List.of(Path.of("ansible.cfg"), Path.of(System.getProperty("user.home"), ".ansible.cfg"));
    for (Path p : candidates) {
      if (!Files.isRegularFile(p)) {
        continue;
      }
      try {
        boolean defaults = false;
        for (String line : Files.readAllLines(p)) {
          String l = line.strip();
          if (l.startsWith("[")) {
            defaults = l.equals("[defaults]");
          } else if (defaults && l.matches("host_key_checking\\s*=.*")) {
            return l.substring(l.indexOf('=') + 1).strip();
          }
        }
      } catch (IOException e) {
        return null;
      }
      return null;
    }
    return null;
  }
}
