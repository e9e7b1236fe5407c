package dev.hawser.modules.system;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Services as /etc/init.d scripts: running means "script status" exits 0, enabled means an
 * S-link in a multi-user runlevel; enabling uses update-rc.d (Debian) or chkconfig (RHEL).
 */
final class SysV {
  private SysV() {}

  /** Prints script=, status=, enabled= and tool= lines. */
  static String read(String name) {
    String script = "/etc/init.d/" + Sh.quote(name);
    return "if [ -x " + script + " ]; then echo script=yes; else echo script=no; fi; "
        + script + " status >/dev/null 2>&1; echo status=$?; "
        + "if ls /etc/rc[2345].d/S??" + Sh.quote(name) + " >/dev/null 2>&1; then echo enabled=yes; "
        + "else echo enabled=no; fi; "
        + "if command -v update-rc.d >/dev/null 2>&1; then echo tool=update-rc.d; "
        + "elif command -v chkconfig >/dev/null 2>&1; then echo tool=chkconfig; else echo tool=none; fi";
  }

  static Change plan(ServiceWanted w, Map<String, String> props, String host) throws ModuleException {
    if (!"yes".equals(props.get("script"))) {
      throw new ModuleException("Could not find the requested service " + w.name() + ": " + host);
    }
    boolean running = "0".equals(props.get("status"));
    boolean enabledNow = "yes".equals(props.get("enabled"));
    List<Step> steps = new ArrayList<>();
    if (w.enabled() != null && w.enabled() != enabledNow) {
      String tool = props.getOrDefault("tool", "none");
      if (tool.equals("update-rc.d")) {
        if (w.enabled()) {
          steps.add(new Step.Run(Sh.cmd("update-rc.d", w.name(), "defaults")));
        }
        steps.add(new Step.Run(Sh.cmd("update-rc.d", w.name(), w.enabled() ? "enable" : "disable")));
      } else if (tool.equals("chkconfig")) {
        steps.add(new Step.Run(Sh.cmd("chkconfig", w.name(), w.enabled() ? "on" : "off")));
      } else {
        throw new ModuleException("cannot change whether " + w.name()
            + " starts at boot: neither update-rc.d nor chkconfig is installed");
      }
    }
    String action = Systemd.action(w.state(), running);
    if (action != null) {
      steps.add(new Step.Run("/etc/init.d/" + Sh.quote(w.name()) + " " + action));
    }
    Map<String, Object> data = w.result(running, enabledNow, props);
    return steps.isEmpty() ? new Change.None("", data)
        : new Change.Pending(steps, List.of(), Systemd.describe(steps), data);
  }
}
