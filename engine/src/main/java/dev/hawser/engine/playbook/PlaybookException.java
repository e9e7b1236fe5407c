package dev.hawser.engine.playbook;

/** An invalid playbook: the message is one line and starts with file:line:column. */
public final class PlaybookException extends Exception {
  public PlaybookException(Position at, String message) {
    super(at + ": " + message);
  }

  public PlaybookException(String message) {
    super(message);
  }
}
