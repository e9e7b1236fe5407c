package dev.hawser.engine.exec;

/** The host could not be reached (or the connection dropped) while a task ran: reported as UNREACHABLE. */
final class UnreachableDuringTask extends RuntimeException {
  UnreachableDuringTask(String message) {
    super(message, null, false, false);
  }
}
