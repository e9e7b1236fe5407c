package dev.hawser.modules.core;

import dev.hawser.engine.spi.ModuleException;

/** File modes as the mode parameter gives them: octal ("0644") or symbolic ("u=rw,g=r,o="), as chmod reads them. */
final class FileMode {
  /** What a new file gets with the usual umask 022; symbolic modes for new files start here. */
  static final int NEW_FILE = 0644;
  static final int NEW_DIR = 0755;

  private FileMode() {}

  static String format(int perms) {
    return String.format("%04o", perms);
  }

  static boolean isSymbolic(String mode) {
    return !mode.matches("[0-7]+");
  }

  /** The permission bits {@code mode} gives a file whose bits are now {@code current}. */
  static int apply(String mode, int current, boolean isDir) throws ModuleException {
    if (!isSymbolic(mode)) {
      int m = Integer.parseInt(mode, 8);
      if (m > 07777) {
        throw new ModuleException("bad mode " + mode);
      }
      return m;
    }
    int result = current & 07777;
    for (String clause : mode.split(",")) {
      result = applyClause(clause, result, isDir, mode);
    }
    return result;
  }

  private static int applyClause(String clause, int current, boolean isDir, String mode) throws ModuleException {
    int opAt = indexOfOp(clause);
    if (opAt < 0) {
      throw new ModuleException("bad mode " + mode);
    }
    String who = clause.substring(0, opAt).isEmpty() ? "a" : clause.substring(0, opAt);
    char op = clause.charAt(opAt);
    String perms = clause.substring(opAt + 1);
    int whoMask = 0;
    for (char w : who.toCharArray()) {
      whoMask |= switch (w) {
        case 'u' -> 04700;
        case 'g' -> 02070;
        case 'o' -> 01007;
        case 'a' -> 07777;
        default -> throw new ModuleException("bad mode " + mode);
      };
    }
    int bits = 0;
    for (char p : perms.toCharArray()) {
      bits |= switch (p) {
        case 'r' -> 0444;
        case 'w' -> 0222;
        case 'x' -> 0111;
        case 'X' -> isDir || (current & 0111) != 0 ? 0111 : 0;
        case 's' -> 06000;
        case 't' -> 01000;
        default -> throw new ModuleException("bad mode " + mode);
      };
    }
    bits &= whoMask;
    return switch (op) {
      case '+' -> current | bits;
      case '-' -> current & ~bits;
      default -> (current & ~whoMask) | bits;
    };
  }

  private static int indexOfOp(String clause) {
    for (int i = 0; i < clause.length(); i++) {
      if ("+-=".indexOf(clause.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The mode for {@code chmod -R}, where each file keeps its own base: clauses without a "who" get
   * an explicit "a", so chmod ignores the umask just as {@link #apply} does.
   */
  static String forChmod(String mode) {
    if (!isSymbolic(mode)) {
      return mode;
    }
    StringBuilder out = new StringBuilder();
    for (String clause : mode.split(",")) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append("+-=".indexOf(clause.charAt(0)) >= 0 ? "a" + clause : clause);
    }
    return out.toString();
  }
}
