package dev.hawser.engine.playbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One task as written. Values are raw (still holding {@code {{ }}}); the executor renders them per
 * host. {@code module} is the resolved module name; {@code args} its arguments. {@code checkMode}
 * false runs the task for real even under --check (true: always as a check), null follows the run.
 * {@code role} is the role the task came from, null outside roles; {@code block} where it sits in a
 * block/rescue/always, null outside blocks. {@code runOnce}: on the batch's first host only, its result
 * applied to all; {@code delegateTo}: the host (raw, may be templated) whose connection runs the task, null
 * for the task's own host.
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
    boolean runOnce,
    String delegateTo,
    Position position,
    RoleScope role,
    BlockContext block) {

  /** The name shown in TASK [..]: the given name, else the module name as Ansible does. */
  public String displayName() {
    return name != null && !name.isBlank() ? name : module;
  }

  /** The folder of the task's role (its files/ and templates/ are searched first), null outside roles. */
  public Path roleDir() {
    return role == null ? null : role.dir();
  }

  /** This task as part of {@code scope}; a task already inside a (nested) role keeps its own. */
  public Task inRole(RoleScope scope) {
    return role != null ? this : new Task(name, module, args, when, loop, loopVar, loopLabel, register, notifies,
        listen, tags, ignoreErrors, changedWhen, failedWhen, become, becomeUser, environment, noLog, vars,
        checkMode, runOnce, delegateTo, position, scope, block);
  }

  /** This task inside {@code ctx}: its own block context, if any, is nested under it. */
  Task inBlock(BlockContext ctx) {
    return new Task(name, module, args, when, loop, loopVar, loopLabel, register, notifies, listen, tags,
        ignoreErrors, changedWhen, failedWhen, become, becomeUser, environment, noLog, vars, checkMode, runOnce,
        delegateTo, position, role, block == null ? ctx : block.under(ctx));
  }
}
