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
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * lineinfile: makes sure a line is in a file (or not), with Ansible's exact rules (see {@link LineEdit}).
 * The file is read once; the new content is computed here and uploaded whole.
 */
public final class LineInFileModule implements TaskModule {
  private final Clock clock;

  public LineInFileModule() {
    this(Clock.systemDefaultZone());
  }

  LineInFileModule(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "lineinfile";
  }

  @Override
  public List<String> aliases() {
    return List.of("ansible.builtin.lineinfile");
  }

  @Override
  public String summary() {
    return "Ensure a line is present in (or absent from) a text file";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(
            Param.str("path").required().aliases("dest", "destfile", "name"),
            Param.choice("state", "present", "absent").defaultTo("present"),
            Param.str("regexp").aliases("regex").doc("Python-style regex; the last matching line is replaced"),
            Param.str("search_string").doc("literal text; the last line containing it is replaced"),
            Param.str("line").aliases("value"),
            Param.str("insertafter").doc("regex, or EOF (default)"),
            Param.str("insertbefore").doc("regex, or BOF"),
            Param.bool("backrefs").doc("expand \\1 and \\g<name> from regexp in line; no match, no change"),
            Param.bool("create").doc("create the file when missing"),
            Param.bool("backup").doc("keep the old file as path.DATE@TIME~"),
            Param.bool("firstmatch").doc("use the first match of regexp/insertafter/insertbefore instead of the last"),
            Param.mode("mode"), Param.str("owner"), Param.str("group"))
        .mutuallyExclusive("insertbefore", "insertafter")
        .mutuallyExclusive("regexp", "search_string")
        .mutuallyExclusive("backrefs", "search_string");
  }

  @Override
  public Change plan(Params p, Remote host) throws ModuleException {
    String path = p.str("path");
    boolean present = p.str("state").equals("present");
    String regexp = p.str("regexp");
    String search = p.str("search_string");
    String line = p.str("line");
    if (present && p.bool("backrefs") && regexp == null) {
      throw new ModuleException("regexp is required with backrefs=true");
    }
    if (present && line == null) {
      throw new ModuleException("line is required with state=present");
    }
    if (!present && regexp == null && search == null && line == null) {
      throw new ModuleException("one of line, search_string, or regexp is required with state=absent");
    }
    FileState current = host.fact(FileState.fact(path, null, -1));
    if (current.exists() && current.meta().isDir()) {
      throw new ModuleException("Path " + path + " is a directory !");
    }
    if (!current.exists()) {
      if (!present) {
        return Change.none("file not present");
      }
      if (!p.bool("create")) {
        throw new ModuleException("Destination " + path + " does not exist !");
      }
    }
    String before = current.exists() ? current.content() : "";
    if (before == null || before.indexOf('\uFFFD') >= 0) {
      throw new ModuleException(path + " is not UTF-8 text: lineinfile edits text files only");
    }
    LineEdit.Result edit = present
        ? LineEdit.present(before, regexp, search, line, p.str("insertafter"), p.str("insertbefore"),
            p.bool("backrefs"), p.bool("firstmatch"))
        : LineEdit.absent(before, regexp, search, line);
    // Ansible writes through a symlink to the file it points at.
    String target = current.exists() && current.realPath() != null ? current.realPath() : path;
    FileAttrs attrs = FileAttrs.from(p);
    FileSync.Plan plan = edit.changed()
        ? FileSync.plan(target, current, edit.content().getBytes(StandardCharsets.UTF_8), attrs,
            p.bool("backup") ? FileSync.backupName(target, clock) : null)
        : FileSync.attributesOnly(target, current, attrs);
    if (!current.exists() && current.parentMissing()) {
      plan = plan.prepend(new Step.Run(Sh.cmd("mkdir", "-p", "--", CopyModule.parentOf(target))));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("backup", plan.backupFile() == null ? "" : plan.backupFile());
    if (!present) {
      data.put("found", edit.found());
    }
    return plan.toChange(message(edit.msg(), plan.attrsChanged()), data);
  }

  private static String message(String edit, boolean attrsChanged) {
    if (!attrsChanged) {
      return edit;
    }
    return (edit.isEmpty() ? "" : edit + " and ") + "ownership, perms or SE linux context changed";
  }
}
