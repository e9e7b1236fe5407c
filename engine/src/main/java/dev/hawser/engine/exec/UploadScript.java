package dev.hawser.engine.exec;

import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.Step;

/**
 * The shell script that writes a file atomically from stdin: a temp file in the same directory,
 * mode/owner set on it, then renamed over the target. An interrupted run leaves at most a stray
 * temp file, never a half-written target.
 */
final class UploadScript {
  private UploadScript() {}

  static String of(Step.Upload u) {
    String p = Sh.quote(u.path());
    StringBuilder s = new StringBuilder();
    s.append("set -e; p=").append(p).append("; d=$(dirname \"$p\"); ")
        .append("t=$(mktemp \"$d/.hawser.XXXXXXXX\"); trap 'rm -f \"$t\"' EXIT; cat > \"$t\"; ")
        .append("if [ -e \"$p\" ]; then chmod \"$(stat -c %a \"$p\")\" \"$t\"; ")
        .append("chown \"$(stat -c %u:%g \"$p\")\" \"$t\" 2>/dev/null || true; ")
        .append("else chmod \"$(printf '%o' $((0666 & ~$(umask))))\" \"$t\"; fi; ");
    if (u.mode() != null) {
      s.append("chmod ").append(Sh.quote(u.mode())).append(" \"$t\"; ");
    }
    if (u.owner() != null) {
      s.append("chown ").append(Sh.quote(u.owner())).append(" \"$t\"; ");
    }
    if (u.group() != null) {
      s.append("chgrp ").append(Sh.quote(u.group())).append(" \"$t\"; ");
    }
    s.append("mv -f \"$t\" \"$p\"; trap - EXIT");
    return s.toString();
  }
}
