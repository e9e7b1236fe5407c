package dev.hawser.modules.core;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.Diff;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The file module's state=link and state=hard. */
final class FileLinks {
  private FileLinks() {}

  /**
   * The path to check src at: a symlink's relative src is relative to the link's directory, a hard
   * link's to the working directory, as in Ansible.
   */
  static String srcToCheck(String path, String src, String state) {
    if (src == null || "hard".equals(state) || src.startsWith("/")) {
      return src;
    }
    return Path.of(CopyModule.parentOf(path)).resolve(src).toString();
  }

  static Change symlink(String path, String src, PathState current, FileAttrs attrs, boolean force)
      throws ModuleException {
    String prev = current.kind();
    if (src == null) {
      if (!prev.equals("link")) {
        throw new ModuleException("src is required for creating a link");
      }
      src = current.linkTarget();
    }
    if (prev.equals("link") && src.equals(current.linkTarget())) {
      return FileModule.attributes(path, current.self().meta(), attrs);
    }
    if (current.src() == null && !force) {
      throw new ModuleException("src file does not exist, use \"force=yes\" if you really want to create the link: "
          + srcToCheck(path, src, "link"));
    }
    List<Step> steps = new ArrayList<>();
    switch (prev) {
      case "absent" -> steps.add(new Step.Run(Sh.cmd("ln", "-s", "--", src, path)));
      case "link" -> steps.add(new Step.Run(Sh.cmd("ln", "-sfn", "--", src, path)));
      case "directory" -> {
        refuseUnlessForced(force, "refusing to convert from directory to symlink for " + path);
        // rmdir, like Ansible, never removes a directory that still holds something.
        steps.add(new Step.Run(Sh.cmd("rmdir", "--", path)));
        steps.add(new Step.Run(Sh.cmd("ln", "-s", "--", src, path)));
      }
      default -> {
        refuseUnlessForced(force, "refusing to convert from " + prev + " to symlink for " + path);
        steps.add(new Step.Run(Sh.cmd("ln", "-sfn", "--", src, path)));
      }
    }
    steps.addAll(attrs.forNew(path, false, true));
    String before = prev.equals("link") ? "state: link\nsrc: " + current.linkTarget() + "\n" : "state: " + prev + "\n";
    return FileModule.pending(steps, new Diff(path, "path: " + path + "\n" + before,
        "path: " + path + "\nstate: link\nsrc: " + src + "\n"));
  }

  static Change hardLink(String path, String src, PathState current, FileAttrs attrs, boolean force)
      throws ModuleException {
    if (src == null) {
      throw new ModuleException("src is required for creating a hard link");
    }
    if (current.src() == null) {
      throw new ModuleException("src does not exist: " + src);
    }
    String prev = current.kind();
    if ((prev.equals("file") || prev.equals("hard")) && current.self().devIno().equals(current.src().devIno())) {
      return FileModule.attributes(path, current.self().meta(), attrs);
    }
    List<Step> steps = new ArrayList<>();
    switch (prev) {
      case "absent" -> steps.add(new Step.Run(Sh.cmd("ln", "--", src, path)));
      case "directory" -> throw new ModuleException("Cannot link, directory exists at destination " + path);
      case "file" -> {
        refuseUnlessForced(force, "Cannot link, file exists at destination " + path);
        steps.add(new Step.Run(Sh.cmd("ln", "-f", "--", src, path)));
      }
      default -> steps.add(new Step.Run(Sh.cmd("ln", "-f", "--", src, path)));
    }
    // Once linked, path shares src's inode: compare the attributes with src's.
    steps.addAll(attrs.fix(path, current.src().meta(), false).steps());
    return FileModule.pending(steps, FileModule.stateDiff(path, prev, "hard"));
  }

  private static void refuseUnlessForced(boolean force, String message) throws ModuleException {
    if (!force) {
      throw new ModuleException(message);
    }
  }
}
