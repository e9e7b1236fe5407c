package dev.hawser.cli;

import sun.misc.Signal;

/** Ctrl-C stops starting new tasks instead of killing the JVM, so the recap still prints (exit 99). */
final class Interrupts {
  private Interrupts() {}

  static void onCtrlC(Runnable action) {
    try {
      Signal.handle(new Signal("INT"), s -> action.run());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // no SIGINT on this platform or JVM: the default handling stays
    }
  }
}
