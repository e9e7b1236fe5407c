package dev.hawser.modules.core;

import dev.hawser.engine.spi.ModuleException;

/**
 * A file's type, permissions and ownership as {@code stat -c} prints them with {@link #FORMAT}.
 * Fields are ':'-separated because names may hold spaces (AD groups) but never colons.
 */
record Meta(int rawMode, String uid, String gid, long size, String owner, String group) {
  /** GNU coreutils and BusyBox both know these directives; %f avoids locale-dependent %F. */
  static final String FORMAT = "%f:%u:%g:%s:%U:%G";

  private static final int TYPE_MASK = 0170000;

  static Meta parse(String fields) throws ModuleException {
    String[] f = fields.strip().split(":", 6);
    if (f.length < 6) {
      throw new ModuleException("unexpected stat output: " + fields.strip());
    }
    try {
      return new Meta(Integer.parseInt(f[0], 16), f[1], f[2], Long.parseLong(f[3]), f[4], f[5]);
    } catch (NumberFormatException e) {
      throw new ModuleException("unexpected stat output: " + fields.strip());
    }
  }

  int perms() {
    return rawMode & 07777;
  }

  int type() {
    return rawMode & TYPE_MASK;
  }

  boolean isDir() {
    return type() == 0040000;
  }

  boolean isRegular() {
    return type() == 0100000;
  }

  boolean isLink() {
    return type() == 0120000;
  }

  /** "0644", as Ansible shows modes. */
  String modeText() {
    return FileMode.format(perms());
  }

  boolean ownedBy(String wanted) {
    return wanted.matches("\\d+") ? wanted.equals(uid) : wanted.equals(owner);
  }

  boolean inGroup(String wanted) {
    return wanted.matches("\\d+") ? wanted.equals(gid) : wanted.equals(group);
  }
}
