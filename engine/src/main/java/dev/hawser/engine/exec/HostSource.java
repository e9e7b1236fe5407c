package dev.hawser.engine.exec;

import java.util.List;
import java.util.Map;

/** The inventory as the executor sees it: host names for a pattern, and each host's variables. */
public interface HostSource {
  /** Hosts matching {@code pattern} (and --limit), in inventory order. */
  List<String> select(String pattern);

  /** The host's inventory variables (group_vars, host_vars, inline), merged by precedence. */
  Map<String, Object> varsFor(String host);

  /**
   * The variables of {@code host} when it is in the inventory (a delegate_to target), else null.
   * The default looks it up through {@link #select}, so a host outside --limit counts as unknown.
   */
  default Map<String, Object> varsIfKnown(String host) {
    try {
      return select(host).contains(host) ? varsFor(host) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
