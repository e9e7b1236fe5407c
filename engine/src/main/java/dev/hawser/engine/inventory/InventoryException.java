package dev.hawser.engine.inventory;

/** A problem in an inventory source; the message is one line, usually "FILE:LINE: what is wrong". */
public final class InventoryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InventoryException(String message) {
    super(message, null, false, false);
  }

  static InventoryException at(Object file, int line, String message) {
    return new InventoryException(file + ":" + line + ": " + message);
  }
}
