package dev.hawser.engine.playbook;

import java.util.List;
import java.util.Map;

/**
 * One task as written. Values are raw (still holding {@code {{ }}}); the executor renders them per
 * host. {@code module} is the resolved module name; {@code args} its arguments. {@code checkMode}
 * false runs the task for real even under --check (true: always as a check), null follows the run.
 */
public record Task(
    String name,
    String module,
    Map<String, Object> args,
    Object when,
    Object loop,
    String loopVar,
    Object loopLabel,
    String register,
    List<String> notifies,
    List<String> listen,
    List<String> tags,
    boolean ignoreErrors,
    Object changedWhen,
    Object failedWhen,
    Boolean become,
    String becomeUser,
    Map<String, Object> environment,
    boolean noLog,
    Map<String, Object> vars,
    Boolean checkMode,
    Position position) {

  /** The name shown in TASK [..]: the given name, else the module name as Ansible does. */
  public String displayName() {
    return name != null && !name.isBlank() ? name : module;
  }
}
