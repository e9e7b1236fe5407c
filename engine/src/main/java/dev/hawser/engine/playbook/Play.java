package dev.hawser.engine.playbook;

import java.util.List;
import java.util.Map;

/**
 * One play as written; {@code roles} are all roles it uses, in load order (their variables are public).
 * {@code serial}: batch sizes, each an Integer or a percentage String such as "30%" (the last one
 * repeats), empty for one batch of all hosts; {@code maxFailPercentage} null when not set.
 */
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
    Position position,
    List<RoleScope> roles,
    List<Object> serial,
    boolean anyErrorsFatal,
    Double maxFailPercentage) {

  public String displayName() {
    return name != null && !name.isBlank() ? name : hosts;
  }
}
