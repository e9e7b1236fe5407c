package dev.hawser.engine.playbook;

import java.util.List;
import java.util.Map;

/** One play as written. */
public record Play(
    String name,
    String hosts,
    Map<String, Object> vars,
    List<String> varsFiles,
    Boolean become,
    String becomeUser,
    boolean gatherFacts,
    List<Task> preTasks,
    List<Task> tasks,
    List<Task> postTasks,
    List<Task> handlers,
    Map<String, Object> environment,
    List<String> tags,
    String remoteUser,
    String connection,
    Position position) {

  public String displayName() {
    return name != null && !name.isBlank() ? name : hosts;
  }
}
