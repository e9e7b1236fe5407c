package dev.hawser.modules.core;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.Step;
import dev.hawser.engine.spi.TaskModule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * command: runs a program with arguments, without shell features: each word is quoted, so
 * {@code echo $HOME} prints $HOME. Always a change, unless creates/removes say to skip.
 */
public final class CommandModule implements TaskModule {
  @Override
  public boolean supportsCheckMode() {
    return false; // running the command is the change: under --check it is skipped, as in Ansible
  }

  @Override
  public String name() {
    return "command";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.command");
  }

  @Override
  public String summary() {
    return "Run a command without a shell (no $VARS, pipes or redirections)";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
            Param.str("cmd").doc("the command line, split into words as shlex does"),
            Param.list("argv").doc("the command as a list of words"),
            Param.str("chdir").doc("directory to run in"),
            Param.str("creates").doc("skip when this path (glob) exists"),
            Param.str("removes").doc("skip unless this path (glob) exists"),
            Param.str("stdin").doc("fed to the command's standard input"),
            Param.bool("stdin_add_newline").defaultTo(true))
        .freeForm("cmd")
        .mutuallyExclusive("cmd", "argv")
        .requireOneOf("cmd", "argv");
  }

  @Override
  public Change plan(Params p, Remote host) throws ModuleException {
    List<String> argv = p.has("argv") ? p.strings("argv") : ShellWords.split(p.str("cmd"));
    if (argv.isEmpty()) {
      throw new ModuleException("no command given");
    }
    String commandLine = argv.stream().map(Sh::quote).collect(Collectors.joining(" "));
    return run(p, host, commandLine, argv);
  }

  /** The Run step shared with shell: chdir, stdin and creates/removes applied to {@code commandLine}. */
  static Change run(Params p, Remote host, String commandLine, Object cmdData) throws ModuleException {
    Optional<String> skip = RunGuard.skipReason(p, host);
    if (skip.isPresent()) {
      return new Change.None(skip.get(), Map.of("cmd", cmdData, "rc", 0, "stdout", skip.get(), "stderr", ""));
    }
    String command = p.has("chdir") ? Sh.cmd("cd", p.str("chdir")) + " && " + commandLine : commandLine;
    byte[] stdin = null;
    if (p.has("stdin")) {
      String text = p.str("stdin") + (p.bool("stdin_add_newline") ? "\n" : "");
      stdin = text.getBytes(StandardCharsets.UTF_8);
    }
    return new Change.Pending(List.of(new Step.Run(command, stdin, false)), List.of(), "",
        Map.of("cmd", cmdData));
  }
}
