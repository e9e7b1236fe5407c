package dev.hawser.engine.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@link TaskModule#plan} decided: nothing to do, or steps to apply. */
public sealed interface Change permits Change.None, Change.Pending {

  /** Message for the user (may be empty). */
  String msg();

  /**
   * Extra result data, merged into the registered variable (e.g. {@code stat}, {@code virt}). A key
   * {@code warnings} (a list of strings) is shown to the user as [WARNING] lines, as Ansible does.
   */
  Map<String, Object> data();

  /**
   * The host is already as asked. {@code data} may carry facts; a key {@code ansible_facts} (a map)
   * is merged into the host's variables, as Ansible does for set_fact.
   */
  record None(String msg, Map<String, Object> data) implements Change {
    public None with(String key, Object value) {
      Map<String, Object> d = new LinkedHashMap<>(data);
      d.put(key, value);
      return new None(msg, d);
    }
  }

  /** The host differs: applying {@code steps} in order makes it as asked. */
  record Pending(List<Step> steps, List<Diff> diffs, String msg, Map<String, Object> data)
      implements Change {
    public Pending {
      steps = List.copyOf(steps);
      diffs = List.copyOf(diffs);
    }

    public Pending withDiff(Diff diff) {
      List<Diff> d = new ArrayList<>(diffs);
      d.add(diff);
      return new Pending(steps, d, msg, data);
    }

    public Pending withMsg(String message) {
      return new Pending(steps, diffs, message, data);
    }

    public Pending with(String key, Object value) {
      Map<String, Object> d = new LinkedHashMap<>(data);
      d.put(key, value);
      return new Pending(steps, diffs, msg, d);
    }
  }

  static None none() {
    return new None("", Map.of());
  }

  static None none(String msg) {
    return new None(msg, Map.of());
  }

  static Pending of(Step... steps) {
    return new Pending(List.of(steps), List.of(), "", Map.of());
  }

  static Pending of(List<Step> steps) {
    return new Pending(steps, List.of(), "", Map.of());
  }
}
