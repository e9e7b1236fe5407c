package dev.hawser.engine.exec;

import dev.hawser.engine.playbook.Play;
import dev.hawser.engine.playbook.Task;
import java.util.List;
import java.util.Map;

/** The implicit first task of a play with gather_facts (Ansible's default): the setup module. */
final class GatherFacts {
  private GatherFacts() {}

  static Task task(Play play) {
    return new Task("Gathering Facts", "setup", Map.of(), null, null, "item", null, null, List.of(), List.of(),
        List.of("always"), false, null, null, null, null, Map.of(), false, Map.of(), false, false, null,
        play.position(), null, null);
  }
}
