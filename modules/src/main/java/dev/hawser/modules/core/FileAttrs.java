package dev.hawser.modules.core;

import dev.hawser.engine.spi.Diff;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.Step;
import java.util.ArrayList;
import java.util.List;

/** The mode/owner/group a task asks for (each may be null: leave as is). */
record FileAttrs(String mode, String owner, String group) {

  static FileAttrs from(Params p) {
    return new FileAttrs(p.str("mode"), p.str("owner"), p.str("group"));
  }

  /** The octal mode to give a file with these bits now, or null when mode is not set. */
  String octalFor(int currentPerms, boolean isDir) throws ModuleException {
    return mode == null ? null : FileMode.format(FileMode.apply(mode, currentPerms, isDir));
  }

  /** The octal mode for a file about to be created. */
  String octalForNew(boolean isDir) throws ModuleException {
    return octalFor(isDir ? FileMode.NEW_DIR : FileMode.NEW_FILE, isDir);
  }

  /** chmod/chown steps making {@code current} as asked, and what changes; no steps when it already is. */
  Fix fix(String path, Meta current, boolean noDereference) throws ModuleException {
    List<Step> steps = new ArrayList<>();
    StringBuilder before = new StringBuilder();
    StringBuilder after = new StringBuilder();
    String wantedMode = current.isLink() ? null : octalFor(current.perms(), current.isDir());
    if (wantedMode != null && !wantedMode.equals(current.modeText())) {
      steps.add(new Step.Run(Sh.cmd("chmod", wantedMode, "--", path)));
      before.append("mode: ").append(current.modeText()).append('\n');
      after.append("mode: ").append(wantedMode).append('\n');
    }
    String newOwner = owner != null && !current.ownedBy(owner) ? owner : null;
    String newGroup = group != null && !current.inGroup(group) ? group : null;
    if (newOwner != null || newGroup != null) {
      steps.add(new Step.Run(chown(path, newOwner, newGroup, noDereference, false)));
    }
    if (newOwner != null) {
      before.append("owner: ").append(current.owner()).append('\n');
      after.append("owner: ").append(newOwner).append('\n');
    }
    if (newGroup != null) {
      before.append("group: ").append(current.group()).append('\n');
      after.append("group: ").append(newGroup).append('\n');
    }
    Diff diff = steps.isEmpty() ? null : new Diff(path + " (file attributes)", before.toString(), after.toString());
    return new Fix(steps, diff);
  }

  /** Steps setting mode/owner/group on a file just created (nothing to compare with). */
  List<Step> forNew(String path, boolean isDir, boolean noDereference) throws ModuleException {
    List<Step> steps = new ArrayList<>();
    if (mode != null && !noDereference) {
      steps.add(new Step.Run(Sh.cmd("chmod", octalForNew(isDir), "--", path)));
    }
    if (owner != null || group != null) {
      steps.add(new Step.Run(chown(path, owner, group, noDereference, false)));
    }
    return steps;
  }

  /** chown OWNER:GROUP, chown OWNER or chgrp GROUP. */
  static String chown(String path, String owner, String group, boolean noDereference, boolean recursive) {
    List<String> argv = new ArrayList<>();
    argv.add(owner == null ? "chgrp" : "chown");
    if (noDereference) {
      argv.add("-h");
    }
    if (recursive) {
      argv.add("-R");
    }
    argv.add(owner == null ? group : group == null ? owner : owner + ":" + group);
    argv.add("--");
    argv.add(path);
    return Sh.cmd(argv.toArray(String[]::new));
  }

  record Fix(List<Step> steps, Diff diff) {
    boolean isEmpty() {
      return steps.isEmpty();
    }
  }
}
