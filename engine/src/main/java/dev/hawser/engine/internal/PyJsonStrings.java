package dev.hawser.engine.internal;

/** A JSON string literal escaped as Python's json.dumps escapes it (engine-internal, not for modules). */
public final class PyJsonStrings {
  private PyJsonStrings() {}

  /** Appends {@code s} quoted; {@code asciiOnly} is json.dumps' ensure_ascii (non-ASCII as \\uXXXX). */
  public static void append(StringBuilder sb, String s, boolean asciiOnly) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || asciiOnly && c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
