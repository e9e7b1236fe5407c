package dev.hawser.cli;

import java.io.PrintStream;

/** The output streams of the current in-process run (picocli builds commands reflectively). */
final class Streams {
  private static final ThreadLocal<PrintStream[]> CURRENT = new ThreadLocal<>();

  private Streams() {}

  static void set(PrintStream out, PrintStream err) {
    CURRENT.set(new PrintStream[] {out, err});
  }

  static PrintStream out() {
    PrintStream[] s = CURRENT.get();
    return s == null ? System.out : s[0];
  }

  static PrintStream err() {
    PrintStream[] s = CURRENT.get();
    return s == null ? System.err : s[1];
  }
}
