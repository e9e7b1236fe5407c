package dev.hawser.modules.core;

import dev.hawser.engine.spi.Fact;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Sh;
import java.util.Optional;

/**
 * command's and shell's creates/removes: globs checked on the host in one command, relative to
 * chdir as Ansible does (it changes directory first).
 */
final class RunGuard {
  private RunGuard() {}

  /** Why the command should not run ("skipped, since /x exists"), or empty when it should. */
  static Optional<String> skipReason(Params p, Remote host) throws ModuleException {
    String creates = p.str("creates");
    String removes = p.str("removes");
    if (creates == null && removes == null) {
      return Optional.empty();
    }
    StringBuilder s = new StringBuilder();
    if (p.has("chdir")) {
      s.append(Sh.cmd("cd", p.str("chdir"))).append(" || exit 1; ");
    }
    for (String pattern : new String[] {creates, removes}) {
      if (pattern != null) {
        s.append("g=no; for f in ").append(glob(pattern))
            .append("; do if [ -e \"$f\" ] || [ -L \"$f\" ]; then g=yes; fi; done; echo $g; ");
      }
    }
    String command = s.toString().strip();
    String[] found = host.fact(Fact.of(command, r -> {
      if (!r.ok()) {
        throw ModuleException.of("Unable to change directory before execution", r);
      }
      return r.stdout().strip().split("\\s+");
    }));
    if (creates != null && found[0].equals("yes")) {
      return Optional.of("skipped, since " + creates + " exists");
    }
    if (removes != null && found[found.length - 1].equals("no")) {
      return Optional.of("skipped, since " + removes + " does not exist");
    }
    return Optional.empty();
  }

  /**
   * Quotes a glob so the shell expands only its wildcards: * and ? stay bare, as do [...] classes of
   * harmless characters, and a leading ~/ is the remote user's home; everything else is quoted.
   */
  static String glob(String pattern) {
    if (pattern.startsWith("~/")) {
      return "\"$HOME\"" + glob(pattern.substring(1));
    }
    StringBuilder out = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      String bare = null;
      if (c == '*' || c == '?') {
        bare = String.valueOf(c);
      } else if (c == '[') {
        int end = pattern.indexOf(']', i + 2);
        if (end > 0 && pattern.substring(i + 1, end).matches("[!^]?[A-Za-z0-9._-]+")) {
          bare = pattern.substring(i, end + 1);
        }
      }
      if (bare == null) {
        literal.append(c);
        i++;
      } else {
        if (literal.length() > 0) {
          out.append(Sh.quote(literal.toString()));
          literal.setLength(0);
        }
        out.append(bare);
        i += bare.length();
      }
    }
    if (literal.length() > 0) {
      out.append(Sh.quote(literal.toString()));
    }
    return out.toString();
  }
}
