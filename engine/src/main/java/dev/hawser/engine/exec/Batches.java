package dev.hawser.engine.exec;

import java.util.ArrayList;
import java.util.List;

/** A play's serial batches, as Ansible cuts them. */
final class Batches {
  private Batches() {}

  /**
   * {@code serial}: sizes (Integer, or a String "N%" of all the hosts, rounded down, at least one);
   * the last size repeats until every host is in a batch; 0 or none means one batch of all hosts.
   */
  static <T> List<List<T>> of(List<Object> serial, List<T> hosts) {
    if (serial == null || serial.isEmpty()) {
      return List.of(hosts);
    }
    List<List<T>> out = new ArrayList<>();
    int at = 0;
    int i = 0;
    while (at < hosts.size()) {
      int size = size(serial.get(Math.min(i, serial.size() - 1)), hosts.size());
      if (size <= 0) {
        size = hosts.size() - at;
      }
      int end = Math.min(hosts.size(), at + size);
      out.add(List.copyOf(hosts.subList(at, end)));
      at = end;
      i++;
    }
    return out;
  }

  private static int size(Object spec, int total) {
    if (spec instanceof Integer n) {
      return n;
    }
    String s = String.valueOf(spec).strip();
    if (s.endsWith("%")) {
      double pct = Double.parseDouble(s.substring(0, s.length() - 1));
      return Math.max(1, (int) (pct / 100.0 * total));
    }
    return Integer.parseInt(s);
  }
}
