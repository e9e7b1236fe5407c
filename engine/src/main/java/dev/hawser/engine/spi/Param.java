package dev.hawser.engine.spi;

import java.util.List;

/**
 * One module parameter. Build with the static factories and the {@code with}-style methods:
 * {@code Param.str("path").required().aliases("dest", "name")}.
 */
public record Param(String name, Type type, boolean isRequired, Object defaultValue,
    List<String> choices, List<String> aliases, boolean isSecret, String doc) {

  /** Value types, converted the way Ansible does ("yes" is a bool, "1,2" a list, "0644" a mode). */
  public enum Type { STR, INT, BOOL, LIST, DICT, ANY, MODE }

  public Param {
    choices = List.copyOf(choices);
    aliases = List.copyOf(aliases);
  }

  public static Param of(String name, Type type) {
    return new Param(name, type, false, null, List.of(), List.of(), false, "");
  }

  public static Param str(String name) {
    return of(name, Type.STR);
  }

  public static Param integer(String name) {
    return of(name, Type.INT);
  }

  public static Param bool(String name) {
    return of(name, Type.BOOL).defaultTo(false);
  }

  public static Param list(String name) {
    return of(name, Type.LIST);
  }

  public static Param dict(String name) {
    return of(name, Type.DICT);
  }

  public static Param any(String name) {
    return of(name, Type.ANY);
  }

  /** A file mode: octal string ("0644", "644") or symbolic ("u=rw,g=r"); ints are read as octal digits. */
  public static Param mode(String name) {
    return of(name, Type.MODE);
  }

  /** A string that must be one of {@code values}. */
  public static Param choice(String name, String... values) {
    return new Param(name, Type.STR, false, null, List.of(values), List.of(), false, "");
  }

  public Param required() {
    return new Param(name, type, true, defaultValue, choices, aliases, isSecret, doc);
  }

  public Param defaultTo(Object value) {
    return new Param(name, type, isRequired, value, choices, aliases, isSecret, doc);
  }

  public Param aliases(String... names) {
    return new Param(name, type, isRequired, defaultValue, choices, List.of(names), isSecret, doc);
  }

  /** Never printed: masked in output, diffs and logs. */
  public Param secret() {
    return new Param(name, type, isRequired, defaultValue, choices, aliases, true, doc);
  }

  public Param doc(String text) {
    return new Param(name, type, isRequired, defaultValue, choices, aliases, isSecret, text);
  }
}
