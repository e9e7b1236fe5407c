package dev.hawser.modules.kvm;

import dev.hawser.engine.spi.Sh;
import java.util.List;

/**
 * Safe apply for configure_bridge: before anything changes, the previous files are copied aside and
 * a detached timer is started that, unless a marker file is removed in time (by the engine's
 * reconnect), puts the old files back and re-applies them. So a bridge that cuts the engine off
 * undoes itself on the host.
 */
final class BridgeRollback {
  private final String name;
  private final String backend;
  private final boolean ipFallback;
  private final List<String> files;

  BridgeRollback(String name, String backend, boolean ipFallback, List<String> files) {
    this.name = name;
    this.backend = backend;
    this.ipFallback = ipFallback;
    this.files = files;
  }

  String marker() {
    return "/run/hawser-bridge-" + name + ".pending";
  }

  String backupDir() {
    return "/run/hawser-bridge-" + name + ".backup";
  }

  String script() {
    return "/run/hawser-bridge-" + name + ".rollback";
  }

  /** The detached script: waits, and restores unless the marker is gone. */
  String scriptText(int timeoutSeconds) {
    StringBuilder s = new StringBuilder("#!/bin/sh\n# Written by Hawser (configure_bridge): restores the previous"
        + " network config of " + name + " unless the change was confirmed\n");
    s.append("sleep ").append(timeoutSeconds).append('\n');
    // Claims the marker atomically: either this script or confirm() wins, never both.
    s.append("mv -f ").append(Sh.quote(marker())).append(' ').append(Sh.quote(claimed())).append(" 2>/dev/null || exit 0\n");
    s.append(undoLive()).append('\n');
    for (int i = 0; i < files.size(); i++) {
      String saved = Sh.quote(backupDir() + "/" + i);
      String file = Sh.quote(files.get(i));
      s.append("if [ -e ").append(saved).append(" ]; then mv -f ").append(saved).append(' ').append(file)
          .append("; else rm -f ").append(file).append("; fi\n");
    }
    s.append(reapply()).append('\n');
    s.append("rm -rf ").append(Sh.quote(claimed())).append(' ').append(Sh.quote(backupDir())).append('\n');
    return s.toString();
  }

  /** Copies the current files aside, then arms the timer (outside the SSH session when systemd runs). */
  String arm(boolean systemd) {
    StringBuilder s = new StringBuilder(Sh.cmd("rm", "-rf", backupDir()) + " && " + Sh.cmd("mkdir", "-p", backupDir()));
    for (int i = 0; i < files.size(); i++) {
      String file = Sh.quote(files.get(i));
      s.append(" && { [ ! -e ").append(file).append(" ] || cp -p ").append(file).append(' ')
          .append(Sh.quote(backupDir() + "/" + i)).append("; }");
    }
    s.append(" && : > ").append(Sh.quote(marker())).append(" && ");
    s.append(systemd ? Sh.cmd("systemd-run", "/bin/sh", script()) + " >/dev/null"
        : "{ nohup /bin/sh " + Sh.quote(script()) + " >/dev/null 2>&1 & }");
    return s.toString();
  }

  /** The marker once the timer claimed it: the rollback runs or ran. */
  String claimed() {
    return "/run/hawser-bridge-" + name + ".rolling-back";
  }

  /**
   * Run by the engine over a NEW connection: proves the host is reachable, and disarms by removing
   * the marker. Fails when the timer has claimed the marker already: the change is being undone, so
   * it must not be reported as applied.
   */
  String confirm() {
    return Sh.cmd("rm", marker()) + " 2>/dev/null || { echo "
        + Sh.quote("the rollback timer fired first: the previous network config of " + name + " is restored")
        + " >&2; exit 1; }; " + Sh.cmd("rm", "-rf", backupDir());
  }

  private String undoLive() {
    if (ipFallback) {
      return Sh.cmd("ip", "link", "del", name);
    }
    return switch (backend) {
      case BridgeConfig.NETPLAN -> Sh.cmd("ip", "link", "del", name) + " 2>/dev/null";
      case BridgeConfig.NM -> Sh.cmd("nmcli", "connection", "down", name) + " 2>/dev/null";
      default -> Sh.cmd("ifdown", name) + " 2>/dev/null || " + Sh.cmd("ip", "link", "del", name);
    };
  }

  private String reapply() {
    if (ipFallback) {
      return ":";
    }
    return switch (backend) {
      case BridgeConfig.NETPLAN -> "netplan apply";
      case BridgeConfig.NM -> "nmcli connection reload; nmcli connection up " + Sh.quote(name) + " 2>/dev/null; :";
      default -> "ifup -a";
    };
  }
}
