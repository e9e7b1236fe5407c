package dev.hawser.modules.core;

import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Fact;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Sh;

/**
 * A file as copy, template and lineinfile see it, read with one command: where it resolves to, its
 * attributes (following links), its sha256 and, when asked, its content.
 *
 * @param intoDir the path given was a directory, so {@code path} is the file inside it
 * @param meta null when the file does not exist
 * @param content null when not read, or when the file is larger than the limit asked for
 */
record FileState(String path, boolean intoDir, String realPath, Meta meta, boolean parentMissing,
    String sha256, String content) {
  private static final String CONTENT = "--content--\n";
  private static final String END = "\n--end--";

  /**
   * Reads {@code path}; when it is a directory and {@code childIfDir} is given, reads that instead
   * (copy's "dest is a directory" rule). {@code contentLimit}: 0 for no content, -1 for all of it.
   */
  static Fact<FileState> fact(String path, String childIfDir, int contentLimit) {
    StringBuilder s = new StringBuilder("p=").append(Sh.quote(path)).append("; ");
    if (childIfDir != null) {
      s.append("if [ -d \"$p\" ]; then p=").append(Sh.quote(childIfDir)).append("; echo into-dir; fi; ");
    }
    s.append("echo \"real:$(readlink -f -- \"$p\")\"; ")
        .append("if [ -e \"$p\" ]; then stat -L -c ").append(Sh.quote("stat:" + Meta.FORMAT))
        .append(" -- \"$p\" || exit 1; if [ -f \"$p\" ]; then printf sha256:; sha256sum < \"$p\" || exit 1");
    if (contentLimit != 0) {
      s.append("; echo --content--; ")
          .append(contentLimit < 0 ? "cat -- \"$p\"" : "head -c " + (contentLimit + 1) + " -- \"$p\"")
          .append("; printf '\\n--end--\\n'");
    }
    s.append("; fi; else echo absent; [ -d \"$(dirname -- \"$p\")\" ] || echo no-parent; fi");
    return Fact.of(s.toString(), r -> parse(path, childIfDir, r, contentLimit));
  }

  private static FileState parse(String path, String child, ExecResult r, int limit) throws ModuleException {
    if (!r.ok()) {
      throw ModuleException.of("cannot read " + path, r);
    }
    String out = r.stdout();
    String content = null;
    int c = out.indexOf(CONTENT);
    if (c >= 0) {
      int end = out.lastIndexOf(END);
      if (end < c + CONTENT.length()) {
        throw new ModuleException("cannot read " + path + ": output cut short");
      }
      content = out.substring(c + CONTENT.length(), end);
      out = out.substring(0, c);
    }
    boolean intoDir = false;
    boolean parentMissing = false;
    String real = "";
    Meta meta = null;
    String sha = null;
    for (String line : out.split("\n")) {
      if (line.equals("into-dir")) {
        intoDir = true;
      } else if (line.equals("no-parent")) {
        parentMissing = true;
      } else if (line.startsWith("real:")) {
        real = line.substring(5);
      } else if (line.startsWith("stat:")) {
        meta = Meta.parse(line.substring(5));
      } else if (line.startsWith("sha256:")) {
        sha = line.substring(7).strip().split("\\s+")[0];
      }
    }
    if (meta == null && !out.contains("absent")) {
      throw new ModuleException("cannot read " + path + ": " + r.message());
    }
    if (content != null && limit >= 0 && meta != null && meta.size() > limit) {
      content = null;
    }
    return new FileState(intoDir ? child : path, intoDir, real.isEmpty() ? null : real, meta,
        parentMissing, sha, content);
  }

  boolean exists() {
    return meta != null;
  }
}
