package dev.hawser.engine.playbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a task sits in a {@code block}: the block's id (unique in a playbook), the part of it the task
 * belongs to, whether the block has rescue and always tasks, and the block it is nested in (with the
 * part of that block this one sits in), null at the top.
 */
public record BlockContext(int id, Part part, boolean hasRescue, boolean hasAlways, BlockContext parent) {

  /** The three sections of a block. */
  public enum Part { BODY, RESCUE, ALWAYS }

  /** This context with {@code outer} as the parent of its outermost block. */
  BlockContext under(BlockContext outer) {
    return new BlockContext(id, part, hasRescue, hasAlways, parent == null ? outer : parent.under(outer));
  }

  /** The enclosing blocks of {@code ctx}, outermost first; empty for null. */
  public static List<BlockContext> chain(BlockContext ctx) {
    List<BlockContext> out = new ArrayList<>();
    for (BlockContext c = ctx; c != null; c = c.parent) {
      out.add(c);
    }
    Collections.reverse(out);
    return out;
  }
}
