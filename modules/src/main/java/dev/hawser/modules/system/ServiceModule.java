package dev.hawser.modules.system;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.TaskModule;
import java.util.List;
import java.util.Map;

/** Services under systemd or SysV init, whichever runs the host (found in the same command). */
public final class ServiceModule implements TaskModule {
  @Override
  public String name() {
    return "service";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.service");
  }

  @Override
  public String summary() {
    return "Starts, stops, restarts services and sets whether they start at boot (systemd or SysV)";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.str("name").required(),
        Param.choice("state", "started", "stopped", "restarted", "reloaded"),
        Param.of("enabled", Param.Type.BOOL).doc("start at boot; unset leaves it"))
        .requireOneOf("state", "enabled");
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    ServiceWanted wanted = ServiceWanted.of(params);
    String probe = "if [ -d /run/systemd/system ]; then " + Sections.marker("systemd") + "; "
        + Systemd.read(wanted.name()) + "; else " + Sections.marker("sysv") + "; "
        + SysV.read(wanted.name()) + "; fi";
    Map<String, List<String>> sections = Sections.parse(host.run(probe).stdout());
    if (sections.containsKey("systemd")) {
      return Systemd.plan(wanted, ServiceWanted.properties(sections.get("systemd")), host.name());
    }
    return SysV.plan(wanted, ServiceWanted.properties(sections.getOrDefault("sysv", List.of())), host.name());
  }
}
