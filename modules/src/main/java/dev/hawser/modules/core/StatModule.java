package dev.hawser.modules.core;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Fact;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.TaskModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** stat: reads a path's attributes into the result key {@code stat}, named as Ansible names them. Never a change. */
public final class StatModule implements TaskModule {
  private static final String FORMAT = "stat:%f:%u:%g:%s:%i:%d:%h:%X:%Y:%Z:%U:%G";
  private static final String[] PERMS = {"xoth", "woth", "roth", "xgrp", "wgrp", "rgrp", "xusr", "wusr", "rusr"};

  @Override
  public String name() {
    return "stat";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.stat");
  }

  @Override
  public String summary() {
    return "Read a file's attributes (and checksum) into the result's stat key";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.str("path").required().aliases("dest", "name"),
        Param.bool("follow").doc("describe what a symlink points to"),
        Param.bool("get_checksum").defaultTo(true),
        Param.choice("checksum_algorithm", "md5", "sha1", "sha224", "sha256", "sha384", "sha512")
            .defaultTo("sha1").aliases("checksum", "checksum_algo"),
        Param.bool("get_mime").doc("accepted for compatibility; mime types are not read"),
        Param.bool("get_attributes").doc("accepted for compatibility; lsattr attributes are not read"));
  }

  @Override
  public Change plan(Params p, Remote host) throws ModuleException {
    String path = p.str("path");
    boolean follow = p.bool("follow");
    String sum = p.bool("get_checksum") ? p.str("checksum_algorithm") + "sum" : null;
    StringBuilder s = new StringBuilder("p=").append(Sh.quote(path)).append("; if [ -e \"$p\" ]")
        .append(follow ? "" : " || [ -L \"$p\" ]").append("; then stat ").append(follow ? "-L " : "")
        .append("-c ").append(Sh.quote(FORMAT)).append(" -- \"$p\" || exit 1; a=; [ -r \"$p\" ] && a=${a}r; ")
        .append("[ -w \"$p\" ] && a=${a}w; [ -x \"$p\" ] && a=${a}x; echo \"access:$a\"");
    if (!follow) {
      s.append("; if [ -L \"$p\" ]; then echo \"link:$(readlink -- \"$p\")\"; echo \"real:$(readlink -f -- \"$p\")\"; fi");
    }
    if (sum != null) {
      s.append("; if [ -f \"$p\" ]").append(follow ? "" : " && [ ! -L \"$p\" ]").append(" && [ -r \"$p\" ]; then ")
          .append("printf sum:; ").append(sum).append(" < \"$p\"; fi");
    }
    s.append("; else echo absent; fi");
    Map<String, Object> stat = host.fact(Fact.of(s.toString(), r -> parse(path, r)));
    return new Change.None("", Map.of("stat", stat));
  }

  private static Map<String, Object> parse(String path, ExecResult r) throws ModuleException {
    if (!r.ok()) {
      throw ModuleException.of("cannot stat " + path, r);
    }
    Map<String, Object> stat = new LinkedHashMap<>();
    for (String line : r.stdout().split("\n")) {
      int colon = line.indexOf(':');
      String value = colon < 0 ? "" : line.substring(colon + 1);
      switch (colon < 0 ? line.strip() : line.substring(0, colon)) {
        case "absent" -> stat.put("exists", false);
        case "stat" -> attributes(path, value, stat);
        case "access" -> {
          stat.put("readable", value.contains("r"));
          stat.put("writeable", value.contains("w"));
          stat.put("executable", value.contains("x"));
        }
        case "link" -> stat.put("lnk_target", value);
        case "real" -> stat.put("lnk_source", value);
        case "sum" -> stat.put("checksum", value.strip().split("\\s+")[0]);
        default -> { }
      }
    }
    if (stat.isEmpty()) {
      throw new ModuleException("cannot stat " + path + ": " + r.message());
    }
    return stat;
  }

  private static void attributes(String path, String fields, Map<String, Object> stat) throws ModuleException {
    String[] f = fields.split(":", 12);
    if (f.length < 12) {
      throw new ModuleException("cannot stat " + path + ": unexpected output " + fields);
    }
    int raw = Integer.parseInt(f[0], 16);
    int type = raw & 0170000;
    stat.put("exists", true);
    stat.put("path", path);
    stat.put("mode", FileMode.format(raw & 07777));
    stat.put("isdir", type == 0040000);
    stat.put("ischr", type == 0020000);
    stat.put("isblk", type == 0060000);
    stat.put("isreg", type == 0100000);
    stat.put("isfifo", type == 0010000);
    stat.put("islnk", type == 0120000);
    stat.put("issock", type == 0140000);
    stat.put("uid", Integer.parseInt(f[1]));
    stat.put("gid", Integer.parseInt(f[2]));
    stat.put("size", Long.parseLong(f[3]));
    stat.put("inode", Long.parseLong(f[4]));
    stat.put("dev", Long.parseLong(f[5]));
    stat.put("nlink", Integer.parseInt(f[6]));
    stat.put("atime", Long.parseLong(f[7]));
    stat.put("mtime", Long.parseLong(f[8]));
    stat.put("ctime", Long.parseLong(f[9]));
    stat.put("pw_name", f[10]);
    stat.put("gr_name", f[11]);
    for (int bit = 0; bit < PERMS.length; bit++) {
      stat.put(PERMS[bit], (raw & (1 << bit)) != 0);
    }
    stat.put("isuid", (raw & 04000) != 0);
    stat.put("isgid", (raw & 02000) != 0);
  }
}
