package dev.hawser.modules.system;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.Step;
import dev.hawser.engine.spi.TaskModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups with groupadd/groupmod/groupdel, read from {@code getent group}. */
public final class GroupModule implements TaskModule {
  @Override
  public String name() {
    return "group";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.group");
  }

  @Override
  public String summary() {
    return "Manages groups";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.str("name").required(),
        Param.choice("state", "present", "absent").defaultTo("present"),
        Param.integer("gid"),
        Param.bool("system").doc("create as a system group (only on creation)"));
  }

  @Override
  public Change plan(Params p, Remote host) throws ModuleException {
    String name = p.str("name");
    String[] entry = host.run(Sh.cmd("getent", "group", name)).stdout().lines()
        .map(l -> l.split(":", -1)).filter(f -> f.length >= 3 && f[0].equals(name)).findFirst().orElse(null);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", name);
    data.put("state", p.str("state"));
    data.put("system", p.bool("system"));
    if (p.str("state").equals("absent")) {
      return entry == null ? new Change.None("", data)
          : new Change.Pending(List.of(new Step.Run(Sh.cmd("groupdel", name))), List.of(), "remove group " + name, data);
    }
    String gid = p.has("gid") ? String.valueOf(p.integer("gid")) : null;
    if (gid != null || entry != null) {
      data.put("gid", Integer.valueOf(gid != null ? gid : entry[2]));
    }
    if (entry == null) {
      List<String> cmd = new ArrayList<>(List.of("groupadd"));
      if (gid != null) {
        cmd.addAll(List.of("-g", gid));
      }
      if (p.bool("system")) {
        cmd.add("-r");
      }
      cmd.add(name);
      return new Change.Pending(List.of(new Step.Run(Sh.cmd(cmd.toArray(String[]::new)))), List.of(),
          "create group " + name, data);
    }
    if (gid != null && !gid.equals(entry[2])) {
      return new Change.Pending(List.of(new Step.Run(Sh.cmd("groupmod", "-g", gid, name))), List.of(),
          "change gid of group " + name + " from " + entry[2] + " to " + gid, data);
    }
    return new Change.None("", data);
  }
}
