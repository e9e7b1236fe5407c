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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * User accounts with useradd/usermod/userdel, passing only what differs. The password hash goes to
 * {@code chpasswd -e} on stdin, never on a command line; it is compared with the shadow entry when
 * that is readable (root), else only set when the user is created.
 */
public final class UserModule implements TaskModule {
  @Override
  public String name() {
    return "user";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.user");
  }

  @Override
  public String summary() {
    return "Manages user accounts";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.str("name").required().aliases("user"),
        Param.choice("state", "present", "absent").defaultTo("present"),
        Param.integer("uid"),
        Param.str("group").doc("primary group, by name or gid"),
        Param.list("groups").doc("supplementary groups; [] removes all unless append"),
        Param.bool("append").doc("add to groups, keep the others"),
        Param.str("shell"),
        Param.str("home"),
        Param.bool("create_home").defaultTo(true).aliases("createhome"),
        Param.bool("system"),
        Param.str("password").secret().doc("crypted hash, as in /etc/shadow"),
        Param.choice("update_password", "always", "on_create").defaultTo("always"),
        Param.str("comment"),
        Param.bool("remove").doc("with state=absent: also remove the home directory"),
        Param.bool("force").doc("with state=absent: remove even if logged in"));
  }

  @Override
  public Change plan(Params p, Remote host) throws ModuleException {
    String name = p.str("name");
    String read = Sh.cmd("getent", "passwd", name) + "; " + Sections.marker("group") + "; "
        + Sh.cmd("id", "-gn", name) + " 2>/dev/null; " + Sections.marker("groups") + "; "
        + Sh.cmd("id", "-Gn", name) + " 2>/dev/null";
    if (p.has("password")) {
      // the "=" prefix tells an empty hash from an unreadable shadow file
      read += "; " + Sections.marker("shadow") + "; " + Sh.cmd("getent", "shadow", name)
          + " 2>/dev/null | cut -d: -f2 | sed 's/^/=/'";
    }
    Map<String, List<String>> s = Sections.parse(host.run(read).stdout());
    String[] passwd = s.get("").stream().map(l -> l.split(":", -1))
        .filter(f -> f.length >= 7 && f[0].equals(name)).findFirst().orElse(null);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", name);
    data.put("state", p.str("state"));
    if (p.str("state").equals("absent")) {
      if (passwd == null) {
        return new Change.None("", data);
      }
      List<String> cmd = new ArrayList<>(List.of("userdel"));
      if (p.bool("remove")) {
        cmd.add("-r");
      }
      if (p.bool("force")) {
        cmd.add("-f");
      }
      cmd.add(name);
      return new Change.Pending(List.of(new Step.Run(Sh.cmd(cmd.toArray(String[]::new)))), List.of(),
          "remove user " + name, data);
    }
    List<String> args = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    String primary = Sections.first(s, "group");
    Set<String> current = new LinkedHashSet<>();
    if (passwd != null) {
      Arrays.stream(Sections.first(s, "groups").split("\\s+"))
          .filter(g -> !g.isEmpty() && !g.equals(primary)).forEach(current::add);
    }
    differs(p.has("uid") && (passwd == null || !passwd[2].equals(String.valueOf(p.integer("uid")))),
        "uid", "-u", String.valueOf(p.integer("uid")), args, changed);
    differs(p.has("group") && (passwd == null || !(p.str("group").equals(primary) || p.str("group").equals(passwd[3]))),
        "group", "-g", p.str("group"), args, changed);
    if (p.has("groups")) {
      List<String> wanted = p.strings("groups").stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
      boolean append = p.bool("append");
      boolean groupsDiffer = append ? !current.containsAll(wanted) : !current.equals(new LinkedHashSet<>(wanted));
      if (groupsDiffer && (passwd != null || !wanted.isEmpty())) {
        if (append && passwd != null) {
          args.add("-a");
        }
        differs(true, "groups", "-G", String.join(",", wanted), args, changed);
      }
    }
    differs(p.has("comment") && (passwd == null || !passwd[4].equals(p.str("comment"))),
        "comment", "-c", p.str("comment"), args, changed);
    differs(p.has("home") && (passwd == null || !passwd[5].equals(p.str("home"))), "home", "-d", p.str("home"), args, changed);
    differs(p.has("shell") && (passwd == null || !passwd[6].equals(p.str("shell"))), "shell", "-s", p.str("shell"), args, changed);
    List<Step> steps = new ArrayList<>();
    if (passwd == null) {
      if (p.bool("system")) {
        args.add("-r");
      }
      args.add(p.bool("create_home") ? "-m" : "-M");
      steps.add(command("useradd", args, name));
    } else if (!args.isEmpty()) {
      steps.add(command("usermod", args, name));
    }
    if (p.has("password")) {
      data.put("password", "NOT_LOGGING_PASSWORD");
      List<String> shadow = s.getOrDefault("shadow", List.of());
      boolean readable = !shadow.isEmpty();
      boolean update = passwd == null || (p.str("update_password").equals("always") && readable
          && !shadow.get(0).substring(1).equals(p.str("password")));
      if (update) {
        byte[] line = (name + ":" + p.str("password") + "\n").getBytes(StandardCharsets.UTF_8);
        steps.add(new Step.Run("chpasswd -e", line, false));
        changed.add("password");
      }
    }
    data.putAll(after(p, passwd, primary, current));
    if (steps.isEmpty()) {
      return new Change.None("", data);
    }
    String msg = passwd == null ? "create user " + name : "change user " + name + ": " + String.join(", ", changed);
    return new Change.Pending(steps, List.of(), msg, data);
  }

  private static void differs(boolean differs, String what, String flag, String value, List<String> args,
      List<String> changed) {
    if (differs) {
      args.add(flag);
      args.add(value);
      changed.add(what);
    }
  }

  private static Step command(String tool, List<String> args, String name) {
    List<String> all = new ArrayList<>();
    all.add(tool);
    all.addAll(args);
    all.add(name);
    return new Step.Run(Sh.cmd(all.toArray(String[]::new)));
  }

  /** The account as it will be, for the result (what was asked over what is there). */
  private static Map<String, Object> after(Params p, String[] passwd, String primary, Set<String> current) {
    Map<String, Object> d = new LinkedHashMap<>();
    put(d, "uid", p.has("uid") ? p.integer("uid") : passwd == null ? null : Integer.valueOf(passwd[2]));
    put(d, "group", p.has("group") ? p.str("group") : passwd == null ? null : primary);
    Set<String> groups = new LinkedHashSet<>(p.bool("append") || !p.has("groups") ? current : Set.of());
    groups.addAll(p.strings("groups"));
    d.put("groups", String.join(",", groups));
    put(d, "comment", p.has("comment") ? p.str("comment") : passwd == null ? null : passwd[4]);
    put(d, "home", p.has("home") ? p.str("home") : passwd == null ? null : passwd[5]);
    put(d, "shell", p.has("shell") ? p.str("shell") : passwd == null ? null : passwd[6]);
    d.put("system", p.bool("system"));
    d.put("create_home", p.bool("create_home"));
    return d;
  }

  private static void put(Map<String, Object> d, String key, Object value) {
    if (value != null) {
      d.put(key, value);
    }
  }
}
