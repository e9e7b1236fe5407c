package dev.hawser.modules.system;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.TaskModule;
import java.util.List;
import java.util.Map;

/** Proves the host answers and its shell works: one round trip, no change. */
public final class PingModule implements TaskModule {
  @Override
  public String name() {
    return "ping";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.ping");
  }

  @Override
  public String summary() {
    return "Checks that the host can be reached and runs sh";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(Param.str("data").defaultTo("pong").doc("returned as ping; 'crash' fails the task"));
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    String data = params.str("data");
    if (data.equals("crash")) {
      throw new ModuleException("boom");
    }
    ExecResult r = host.run("echo pong");
    if (!r.ok() || !r.stdout().strip().equals("pong")) {
      throw ModuleException.of("the host's shell did not answer", r);
    }
    return new Change.None("", Map.of("ping", data));
  }
}
