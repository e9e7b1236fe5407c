package dev.hawser.engine.exec;

import dev.hawser.engine.spi.Sh;
import java.nio.charset.StandardCharsets;

/**
 * Privilege escalation for one task: wraps a command in sudo (or su) and, when a password is needed,
 * sends it as the first line of stdin, never on a command line.
 */
record Become(boolean enabled, String method, String user, String password) {
  static final Become NONE = new Become(false, "sudo", "root", null);

  /** The command to send. {@code passwordNeeded} says whether sudo will read a password first. */
  String wrap(String command, boolean passwordNeeded) {
    if (!enabled) {
      return command;
    }
    String target = user == null || user.isBlank() ? "root" : user;
    if ("su".equals(method)) {
      return "su -s /bin/sh " + Sh.quote(target) + " -c " + Sh.quote(command);
    }
    String prompt = passwordNeeded ? "-S -k -p '' " : "-n ";
    return "sudo -H " + prompt + "-u " + Sh.quote(target) + " -- /bin/sh -c " + Sh.quote(command);
  }

  /** stdin with the password line in front when sudo will ask for it. */
  byte[] stdin(byte[] stdin, boolean passwordNeeded) {
    if (!enabled || !passwordNeeded || password == null) {
      return stdin;
    }
    byte[] pw = (password + "\n").getBytes(StandardCharsets.UTF_8);
    if (stdin == null) {
      return pw;
    }
    byte[] out = new byte[pw.length + stdin.length];
    System.arraycopy(pw, 0, out, 0, pw.length);
    System.arraycopy(stdin, 0, out, pw.length, stdin.length);
    return out;
  }
}
