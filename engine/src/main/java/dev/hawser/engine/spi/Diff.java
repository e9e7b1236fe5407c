package dev.hawser.engine.spi;

/** A before/after view of one thing a change touches (a file's content, its mode, a libvirt XML). */
public record Diff(String label, String before, String after) {
  public Diff {
    before = before == null ? "" : before;
    after = after == null ? "" : after;
  }
}
