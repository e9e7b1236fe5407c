package dev.hawser.modules.core;

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
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** copy: puts given content or a controller file on the host, with mode and ownership. */
public final class CopyModule implements TaskModule {
  private final Clock clock;

  public CopyModule() {
    this(Clock.systemDefaultZone());
  }

  CopyModule(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "copy";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.copy");
  }

  @Override
  public String summary() {
    return "Copy content or a controller file to the host";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
            Param.str("content").doc("the file's content"),
            Param.str("src").doc("controller file, searched in files/ beside the playbook"),
            Param.str("dest").required().doc("file on the host; ending in / or a directory: put src in it"),
            Param.mode("mode"), Param.str("owner"), Param.str("group"),
            Param.bool("backup").doc("keep the old file as dest.DATE@TIME~"),
            Param.bool("force").defaultTo(true).doc("replace a file whose content differs"))
        .mutuallyExclusive("content", "src")
        .requireOneOf("content", "src");
  }

  @Override
  public Change plan(Params p, Remote host) throws ModuleException {
    if (p.has("content")) {
      return place(p, host, p.str("content").getBytes(StandardCharsets.UTF_8), null, clock);
    }
    String src = p.str("src");
    byte[] bytes = host.controller().readFile(src, "files");
    return place(p, host, bytes, Path.of(src).getFileName().toString(), clock);
  }

  /**
   * Puts {@code content} at dest (copy's and template's shared rules). With a {@code srcName}, a dest
   * ending in / or naming a directory means the file srcName inside it.
   */
  static Change place(Params p, Remote host, byte[] content, String srcName, Clock clock) throws ModuleException {
    String dest = p.str("dest");
    String childIfDir = null;
    boolean mayCreateDir = false;
    if (dest.endsWith("/")) {
      if (srcName == null) {
        throw new ModuleException("can not use content with a dir as dest");
      }
      dest = dest + srcName;
      mayCreateDir = true;
    } else if (srcName != null) {
      childIfDir = dest + "/" + srcName;
    }
    FileState current = host.fact(FileState.fact(dest, childIfDir, FileSync.DIFF_LIMIT));
    String path = current.path();
    if (current.exists() && !current.meta().isRegular()) {
      throw new ModuleException(srcName == null && current.meta().isDir()
          ? "can not use content with a dir as dest" : "Destination " + path + " is not a regular file");
    }
    FileAttrs attrs = FileAttrs.from(p);
    Map<String, Object> data = FileSync.resultData(path, current, content, attrs);
    if (current.exists() && !p.bool("force")) {
      return new Change.None("file already exists, force=no", data);
    }
    String backup = p.bool("backup") ? FileSync.backupName(path, clock) : null;
    FileSync.Plan plan = FileSync.plan(path, current, content, attrs, backup);
    if (!current.exists() && current.parentMissing()) {
      String parent = parentOf(path);
      if (!mayCreateDir) {
        throw new ModuleException("Destination directory " + parent + " does not exist");
      }
      plan = plan.prepend(new Step.Run(Sh.cmd("mkdir", "-p", "--", parent)));
    }
    return plan.toChange("", data);
  }

  static String parentOf(String path) {
    Path parent = Path.of(path).getParent();
    return parent == null ? "." : parent.toString();
  }
}
