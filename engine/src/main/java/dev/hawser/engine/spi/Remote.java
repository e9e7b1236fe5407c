package dev.hawser.engine.spi;

import java.util.Map;

/** What a module may do with the target host while planning: read, never write. */
public interface Remote {
  /** The host's inventory name. */
  String name();

  /** Runs a POSIX sh command line on the host (with become applied when the task asks for it). */
  ExecResult run(String command) throws ModuleException;

  /** Same, feeding {@code stdin} to the command. */
  ExecResult run(String command, byte[] stdin) throws ModuleException;

  /** Runs a fact's command and parses its output; the same fact is read once per task. */
  <T> T fact(Fact<T> fact) throws ModuleException;

  /** The controller side: variables, local files and templates. */
  Controller controller();

  /** Controller-side services a module may need (never touches the host). */
  interface Controller {
    /** All variables visible to this task on this host (read only). */
    Map<String, Object> vars();

    /**
     * Reads a file from the controller. Relative paths are searched as Ansible does: beside the
     * playbook in {@code kind}/ (e.g. "files", "templates"), then beside the playbook.
     */
    byte[] readFile(String path, String kind) throws ModuleException;

    /** Renders Mustache text with the task's variables (no HTML escaping, undefined is an error). */
    String render(String template) throws ModuleException;

    /** Renders Mustache text with the task's variables plus {@code extra} on top. */
    String render(String template, Map<String, Object> extra) throws ModuleException;

    /** Evaluates an Ansible-style condition ({@code x is defined}, {@code a == 'b'}) with the task's variables. */
    boolean evaluate(String condition) throws ModuleException;
  }
}
