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

/**
 * systemd units. daemon_reload runs only when systemd says the unit's files changed
 * (NeedDaemonReload) or does not know the unit yet; without a name it always runs.
 */
public final class SystemdModule implements TaskModule {
  @Override
  public String name() {
    return "systemd";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.systemd", "systemd_service", "ansible.builtin.systemd_service");
  }

  @Override
  public String summary() {
    return "Manages systemd units: state, enablement, masking, daemon-reload";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.str("name").aliases("service", "unit"),
        Param.choice("state", "started", "stopped", "restarted", "reloaded"),
        Param.of("enabled", Param.Type.BOOL).doc("start at boot; unset leaves it"),
        Param.of("masked", Param.Type.BOOL).doc("unset leaves it"),
        Param.bool("daemon_reload").aliases("daemon-reload"))
        .requireOneOf("name", "daemon_reload");
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    ServiceWanted wanted = ServiceWanted.of(params);
    if (wanted.name() == null) {
      if (!wanted.daemonReload()) {
        throw new ModuleException("name is required unless daemon_reload is set");
      }
      return Systemd.plan(wanted, Map.of(), host.name());
    }
    if (wanted.state() == null && wanted.enabled() == null && wanted.masked() == null && !wanted.daemonReload()) {
      throw new ModuleException("one of state, enabled, masked or daemon_reload is required");
    }
    List<String> lines = Sections.parse(host.run(Systemd.read(wanted.name())).stdout()).get("");
    return Systemd.plan(wanted, ServiceWanted.properties(lines), host.name());
  }
}
