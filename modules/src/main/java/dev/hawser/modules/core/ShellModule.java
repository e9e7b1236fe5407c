package dev.hawser.modules.core;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.TaskModule;
import java.util.List;

/**
 * shell: runs the text as a sh script. Alone it is sent as is; with chdir or executable it is passed
 * quoted to {@code executable -c}, so the cd applies to the whole script.
 */
public final class ShellModule implements TaskModule {
  @Override
  public boolean supportsCheckMode() {
    return false; // running the command is the change: under --check it is skipped, as in Ansible
  }

  @Override
  public String name() {
    return "shell";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.shell");
  }

  @Override
  public String summary() {
    return "Run a shell script (pipes, redirections and $VARS work)";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
            Param.str("cmd").required().doc("the script"),
            Param.str("chdir").doc("directory to run in"),
            Param.str("creates").doc("skip when this path (glob) exists"),
            Param.str("removes").doc("skip unless this path (glob) exists"),
            Param.str("stdin").doc("fed to the script's standard input"),
            Param.bool("stdin_add_newline").defaultTo(true),
            Param.str("executable").doc("shell to run the script with (default /bin/sh)"))
        .freeForm("cmd");
  }

  @Override
  public Change plan(Params p, Remote host) throws ModuleException {
    String script = p.str("cmd");
    boolean wrap = p.has("chdir") || p.has("executable");
    String commandLine = wrap ? Sh.cmd(p.opt("executable").orElse("/bin/sh"), "-c", script) : script;
    return CommandModule.run(p, host, commandLine, script);
  }
}
