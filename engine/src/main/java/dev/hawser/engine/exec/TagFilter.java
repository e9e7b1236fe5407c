package dev.hawser.engine.exec;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** --tags / --skip-tags with Ansible's special tags: always, never, all, tagged, untagged. */
final class TagFilter {
  private final Set<String> only;
  private final Set<String> skip;

  TagFilter(List<String> tags, List<String> skipTags) {
    this.only = split(tags);
    this.skip = split(skipTags);
  }

  private static Set<String> split(List<String> values) {
    Set<String> out = new HashSet<>();
    for (String v : values) {
      for (String t : v.split(",")) {
        if (!t.isBlank()) {
          out.add(t.strip());
        }
      }
    }
    return out;
  }

  boolean runs(Collection<String> taskTags) {
    Set<String> tags = new HashSet<>(taskTags);
    if (tags.stream().anyMatch(skip::contains)) {
      return false;
    }
    if (skip.contains("tagged") && !tags.isEmpty() || skip.contains("untagged") && tags.isEmpty()) {
      return false;
    }
    if (tags.contains("always")) {
      return true;
    }
    if (only.isEmpty() || only.contains("all")) {
      return !tags.contains("never");
    }
    return tags.stream().anyMatch(only::contains)
        || only.contains("tagged") && !tags.isEmpty()
        || only.contains("untagged") && tags.isEmpty();
  }
}
