package dev.hawser.modules.core;

import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Fact;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Sh;
import java.util.ArrayList;
import java.util.List;

/**
 * A path as the file module sees it, read with one command: the path itself (not followed), what a
 * link points to, a link source's identity, and for recurse the distinct attributes found below it.
 *
 * @param self null when nothing is there (not even a dangling link)
 * @param target what a symlink resolves to; null for a dangling link or a non-link
 * @param src the link source, null when not asked for or missing
 * @param tree distinct type/mode/owner/group combinations under a directory (size is always 0)
 */
record PathState(Node self, String linkTarget, Node target, Node src, List<Meta> tree) {
  /** A stat result plus what hard links need: device.inode and the link count. */
  record Node(String devIno, int links, Meta meta) {
    static Node parse(String fields) throws ModuleException {
      String[] f = fields.split(":", 3);
      if (f.length < 3) {
        throw new ModuleException("unexpected stat output: " + fields);
      }
      return new Node(f[0], Integer.parseInt(f[1]), Meta.parse(f[2]));
    }
  }

  private static final String NODE_FORMAT = "%d.%i:%h:" + Meta.FORMAT;

  static Fact<PathState> fact(String path, String srcPath, boolean readTree) {
    StringBuilder s = new StringBuilder("p=").append(Sh.quote(path)).append("; ")
        .append("if [ -e \"$p\" ] || [ -L \"$p\" ]; then stat -c ").append(Sh.quote("self:" + NODE_FORMAT))
        .append(" -- \"$p\" || exit 1; if [ -L \"$p\" ]; then echo \"link:$(readlink -- \"$p\")\"; ")
        .append("if [ -e \"$p\" ]; then stat -L -c ").append(Sh.quote("target:" + NODE_FORMAT))
        .append(" -- \"$p\"; fi; fi; else echo absent; fi");
    if (srcPath != null) {
      s.append("; if [ -e ").append(Sh.quote(srcPath)).append(" ]; then stat -L -c ")
          .append(Sh.quote("src:" + NODE_FORMAT)).append(" -- ").append(Sh.quote(srcPath)).append("; fi");
    }
    if (readTree) {
      // A fixed 0 for the size makes lines repeat, so sort -u leaves one per distinct combination.
      s.append("; if [ -d \"$p\" ]; then find \"$p/\" ! -type l -exec stat -c ")
          .append(Sh.quote("tree:%f:%u:%g:0:%U:%G")).append(" {} + | sort -u; fi");
    }
    return Fact.of(s.toString(), r -> parse(path, r));
  }

  private static PathState parse(String path, ExecResult r) throws ModuleException {
    if (!r.ok()) {
      throw ModuleException.of("cannot read " + path, r);
    }
    Node self = null;
    Node target = null;
    Node src = null;
    String link = null;
    boolean absent = false;
    List<Meta> tree = new ArrayList<>();
    for (String line : r.stdout().split("\n")) {
      int colon = line.indexOf(':');
      String key = colon < 0 ? line.strip() : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      switch (key) {
        case "self" -> self = Node.parse(value);
        case "target" -> target = Node.parse(value);
        case "src" -> src = Node.parse(value);
        case "link" -> link = value;
        case "tree" -> tree.add(Meta.parse(value));
        case "absent" -> absent = true;
        default -> { }
      }
    }
    if (self == null && !absent) {
      throw new ModuleException("cannot read " + path + ": " + r.message());
    }
    return new PathState(self, link, target, src, tree);
  }

  /** Ansible's prev_state: absent, link, directory, hard (a file with more than one name) or file. */
  String kind() {
    return kindOf(self);
  }

  /** The node file/directory/touch act on: a link's target when following (null if dangling). */
  Node effective(boolean follow) {
    return follow && self != null && self.meta().isLink() ? target : self;
  }

  static String kindOf(Node n) {
    if (n == null) {
      return "absent";
    }
    Meta m = n.meta();
    return m.isLink() ? "link" : m.isDir() ? "directory" : n.links() > 1 ? "hard" : "file";
  }
}
