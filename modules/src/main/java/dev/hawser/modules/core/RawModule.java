package dev.hawser.modules.core;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.Step;
import dev.hawser.engine.spi.TaskModule;
import java.util.List;
import java.util.Map;

/** raw: sends the text to the host as is (or to {@code executable -c}). Always a change. */
public final class RawModule implements TaskModule {
  @Override
  public boolean supportsCheckMode() {
    return false; // running the command is the change: under --check it is skipped, as in Ansible
  }

  @Override
  public String name() {
    return "raw";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.raw");
  }

  @Override
  public String summary() {
    return "Send a command line to the host as is";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
            Param.str("cmd").required().doc("the command line"),
            Param.str("executable").doc("shell to run it with instead of the login shell"))
        .freeForm("cmd");
  }

  @Override
  public Change plan(Params p, Remote host) {
    String text = p.str("cmd");
    String command = p.has("executable") ? Sh.cmd(p.str("executable"), "-c", text) : text;
    return new Change.Pending(List.of(new Step.Run(command)), List.of(), "", Map.of("cmd", text));
  }
}
