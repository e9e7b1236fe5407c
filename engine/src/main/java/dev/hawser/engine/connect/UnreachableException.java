package dev.hawser.engine.connect;

/** The host could not be reached or authenticated: reported as UNREACHABLE with this one-line message. */
public final class UnreachableException extends Exception {
  public UnreachableException(String message) {
    super(message);
  }

  public UnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
