package dev.hawser.modules.core;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.Diff;
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

/** file: a path's type (file, directory, link, hard link, absent) and its mode and ownership. */
public final class FileModule implements TaskModule {
  @Override
  public String name() {
    return "file";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.file");
  }

  @Override
  public String summary() {
    return "Manage files, directories, links and their mode and ownership";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
        Param.str("path").required().aliases("dest", "name"),
        Param.choice("state", "file", "directory", "link", "hard", "absent", "touch")
            .doc("default: what is there now, or file"),
        Param.mode("mode"), Param.str("owner"), Param.str("group"),
        Param.bool("recurse").doc("state=directory: set mode/owner/group on everything below too"),
        Param.str("src").doc("what a link points to"),
        Param.bool("force").doc("links: replace a file, or link to a missing src"),
        Param.bool("follow").defaultTo(true).doc("act on what a symlink points to"));
  }

  @Override
  public Change plan(Params p, Remote host) throws ModuleException {
    String path = p.str("path");
    String state = p.str("state");
    String src = p.str("src");
    boolean recurse = p.bool("recurse");
    FileAttrs attrs = FileAttrs.from(p);
    if (recurse && state != null && !state.equals("directory")) {
      throw new ModuleException("recurse option requires state to be 'directory'");
    }
    boolean readTree = recurse && (attrs.mode() != null || attrs.owner() != null || attrs.group() != null);
    PathState current = host.fact(PathState.fact(path, FileLinks.srcToCheck(path, src, state), readTree));
    String prev = current.kind();
    if (state == null) {
      state = !prev.equals("absent") ? prev : recurse ? "directory" : "file";
    }
    if (src != null && !state.equals("link") && !state.equals("hard")) {
      throw new ModuleException("src option requires state to be 'link' or 'hard'");
    }
    Change change = switch (state) {
      case "absent" -> prev.equals("absent") ? Change.none()
          : pending(List.of(new Step.Run(Sh.cmd("rm", "-rf", "--", path))), stateDiff(path, prev, "absent"));
      case "touch" -> touch(path, current, attrs, p.bool("follow"));
      case "directory" -> directory(path, current, attrs, p.bool("follow"), readTree);
      case "link" -> FileLinks.symlink(path, src, current, attrs, p.bool("force"));
      case "hard" -> FileLinks.hardLink(path, src, current, attrs, p.bool("force"));
      default -> file(path, current, attrs, p.bool("follow"));
    };
    Map<String, Object> data = new LinkedHashMap<>(change.data());
    data.put("path", path);
    data.put("state", state);
    return change instanceof Change.Pending c ? new Change.Pending(c.steps(), c.diffs(), c.msg(), data)
        : new Change.None(change.msg(), data);
  }

  private static Change file(String path, PathState current, FileAttrs attrs, boolean follow) throws ModuleException {
    PathState.Node node = current.effective(follow);
    String kind = PathState.kindOf(node);
    if (!kind.equals("file") && !kind.equals("hard")) {
      throw new ModuleException("file (" + path + ") is " + kind + ", cannot continue");
    }
    return attributes(path, node.meta(), attrs);
  }

  private static Change touch(String path, PathState current, FileAttrs attrs, boolean follow) throws ModuleException {
    List<Step> steps = new ArrayList<>(List.of(new Step.Run(Sh.cmd("touch", "--", path))));
    PathState.Node node = current.effective(follow);
    if (node == null) {
      steps.addAll(attrs.forNew(path, false, false));
      return pending(steps, stateDiff(path, "absent", "file"));
    }
    FileAttrs.Fix fix = attrs.fix(path, node.meta(), !follow);
    steps.addAll(fix.steps());
    return fix.diff() == null ? Change.of(steps) : pending(steps, fix.diff());
  }

  private static Change directory(String path, PathState current, FileAttrs attrs, boolean follow, boolean recurse)
      throws ModuleException {
    PathState.Node node = current.effective(follow);
    String kind = PathState.kindOf(node);
    if (kind.equals("absent")) {
      List<Step> steps = new ArrayList<>(List.of(new Step.Run(Sh.cmd("mkdir", "-p", "--", path))));
      steps.addAll(attrs.forNew(path, true, false));
      return pending(steps, stateDiff(path, "absent", "directory"));
    }
    if (!kind.equals("directory")) {
      throw new ModuleException(path + " already exists as a " + kind);
    }
    if (!recurse) {
      return attributes(path, node.meta(), attrs);
    }
    return recursive(path, current.tree(), attrs);
  }

  /** chmod -R / chown -R when anything under the directory (itself included) differs. */
  private static Change recursive(String path, List<Meta> tree, FileAttrs attrs) throws ModuleException {
    boolean mode = false;
    boolean owner = false;
    boolean group = false;
    for (Meta m : tree) {
      mode |= attrs.mode() != null && !attrs.octalFor(m.perms(), m.isDir()).equals(m.modeText());
      owner |= attrs.owner() != null && !m.ownedBy(attrs.owner());
      group |= attrs.group() != null && !m.inGroup(attrs.group());
    }
    List<Step> steps = new ArrayList<>();
    StringBuilder after = new StringBuilder();
    if (mode) {
      steps.add(new Step.Run(Sh.cmd("chmod", "-R", FileMode.forChmod(attrs.mode()), "--", path)));
      after.append("mode: ").append(attrs.mode()).append(" (recursive)\n");
    }
    if (owner || group) {
      steps.add(new Step.Run(FileAttrs.chown(path, owner ? attrs.owner() : null, group ? attrs.group() : null,
          false, true)));
      after.append(owner ? "owner: " + attrs.owner() + " (recursive)\n" : "")
          .append(group ? "group: " + attrs.group() + " (recursive)\n" : "");
    }
    return steps.isEmpty() ? Change.none()
        : pending(steps, new Diff(path + " (file attributes)", "(differs below " + path + ")\n", after.toString()));
  }

  /** chmod/chown so {@code path} (now as {@code meta} says) is as asked; links get chown -h. */
  static Change attributes(String path, Meta meta, FileAttrs attrs) throws ModuleException {
    FileAttrs.Fix fix = attrs.fix(path, meta, meta.isLink());
    if (fix.isEmpty()) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("mode", meta.modeText());
      data.put("owner", meta.owner());
      data.put("group", meta.group());
      return new Change.None("", data);
    }
    return pending(fix.steps(), fix.diff());
  }

  static Change.Pending pending(List<Step> steps, Diff diff) {
    return new Change.Pending(steps, List.of(diff), "", Map.of());
  }

  static Diff stateDiff(String path, String before, String after) {
    return new Diff(path, "path: " + path + "\nstate: " + before + "\n", "path: " + path + "\nstate: " + after + "\n");
  }
}
