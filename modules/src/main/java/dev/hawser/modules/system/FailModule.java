package dev.hawser.modules.system;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.TaskModule;
import java.util.List;

/** Fails the task with a message (usually under a {@code when}). */
public final class FailModule implements TaskModule {
  @Override
  public String name() {
    return "fail";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.fail");
  }

  @Override
  public String summary() {
    return "Fails with a custom message";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(Param.str("msg").defaultTo("Failed as requested from task"));
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    throw new ModuleException(params.str("msg"));
  }
}
