package dev.hawser.engine.exec;

import dev.hawser.engine.playbook.BlockContext;
import dev.hawser.engine.playbook.BlockContext.Part;
import dev.hawser.engine.playbook.Task;
import dev.hawser.engine.report.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ansible's block/rescue/always over a play's flattened task list (linear strategy). Per host and
 * open block it keeps which parts failed: a host that fails in a block's body skips the rest of the
 * body and runs the rescue tasks; always tasks run unless an always task failed. When a block ends,
 * a failure that rescue did not recover passes to the enclosing block, or drops the host from the
 * play. Used by the runner's thread only.
 */
final class BlockFlow {
  private final Map<String, Map<Integer, Failed>> open = new HashMap<>();

  /** The parts of one block a host failed in. */
  private static final class Failed {
    boolean body;
    boolean rescue;
    boolean always;

    void mark(Part part) {
      switch (part) {
        case BODY -> body = true;
        case RESCUE -> rescue = true;
        case ALWAYS -> always = true;
      }
    }
  }

  /** The active hosts whose block state lets them run {@code task}. */
  List<HostSession> eligible(Task task, List<HostSession> hosts) {
    List<BlockContext> chain = BlockContext.chain(task.block());
    return hosts.stream().filter(HostSession::active).filter(s -> chain.stream().allMatch(c -> runs(s, c))).toList();
  }

  private boolean runs(HostSession s, BlockContext c) {
    Failed f = open.getOrDefault(s.name(), Map.of()).get(c.id());
    return switch (c.part()) {
      case BODY -> f == null || !f.body;
      case RESCUE -> f != null && f.body && !f.rescue;
      case ALWAYS -> f == null || !f.always;
    };
  }

  /**
   * A task failed on a host (not ignored, not unreachable). Returns how the recap counts it: as in
   * Ansible, RESCUED when the host was in the body of a block with rescue tasks, else FAILED. A
   * failure no enclosing rescue or always can follow up drops the host at once.
   */
  Status failed(Task task, HostSession s, Map<String, Object> result) {
    List<BlockContext> chain = BlockContext.chain(task.block());
    if (chain.stream().noneMatch(c -> c.hasRescue() || c.hasAlways())) {
      s.markFailed();
      return Status.FAILED;
    }
    BlockContext inner = chain.get(chain.size() - 1);
    state(s.name(), inner.id()).mark(inner.part());
    if (chain.stream().noneMatch(c -> c.part() == Part.BODY && c.hasRescue())) {
      return Status.FAILED;
    }
    Map<String, Object> failedTask = new LinkedHashMap<>();
    failedTask.put("name", task.name() == null ? "" : task.name());
    failedTask.put("action", task.module());
    s.setFact("ansible_failed_task", failedTask);
    s.setFact("ansible_failed_result", result);
    return Status.RESCUED;
  }

  /**
   * Settles the blocks that end between {@code prev} and {@code next} (null: the end of the task
   * list), innermost first, for every host.
   */
  void between(Task prev, Task next, List<HostSession> hosts) {
    if (prev == null) {
      return;
    }
    Set<Integer> still = BlockContext.chain(next == null ? null : next.block()).stream()
        .map(BlockContext::id).collect(Collectors.toSet());
    List<BlockContext> ended = new ArrayList<>(BlockContext.chain(prev.block()));
    ended.removeIf(c -> still.contains(c.id()));
    for (int i = ended.size() - 1; i >= 0; i--) {
      for (HostSession s : hosts) {
        settle(s, ended.get(i));
      }
    }
  }

  private void settle(HostSession s, BlockContext block) {
    Map<Integer, Failed> states = open.get(s.name());
    Failed f = states == null ? null : states.remove(block.id());
    if (f == null || !(f.always || f.rescue || f.body && !block.hasRescue())) {
      return;
    }
    BlockContext outer = block.parent();
    if (outer == null) {
      s.markFailed();
    } else {
      state(s.name(), outer.id()).mark(outer.part());
    }
  }

  private Failed state(String host, int block) {
    return open.computeIfAbsent(host, h -> new HashMap<>()).computeIfAbsent(block, b -> new Failed());
  }
}
