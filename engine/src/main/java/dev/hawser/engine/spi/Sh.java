package dev.hawser.engine.spi;

import java.util.StringJoiner;

/** POSIX shell quoting: every argument a module puts on a command line goes through here. */
public final class Sh {
  private Sh() {}

  /** Quotes one argument so sh passes it literally, whatever it contains. */
  public static String quote(String arg) {
    if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_@%+=:,./-]+")) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  /** Quotes each argument and joins them with spaces: {@code Sh.cmd("rm", "-f", path)}. */
  public static String cmd(String... args) {
    StringJoiner j = new StringJoiner(" ");
    for (String a : args) {
      j.add(quote(a));
    }
    return j.toString();
  }
}
