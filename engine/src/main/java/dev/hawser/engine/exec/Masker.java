package dev.hawser.engine.exec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Replaces every known secret (passwords, secret parameters) with asterisks in text shown to users. */
final class Masker {
  static final String HIDDEN = "********";
  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  void add(Object secret) {
    if (secret != null && String.valueOf(secret).length() >= 3) {
      secrets.add(String.valueOf(secret));
    }
  }

  String mask(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, HIDDEN);
    }
    return out;
  }

  List<String> mask(Collection<String> lines) {
    List<String> out = new ArrayList<>();
    lines.forEach(l -> out.add(mask(l)));
    return out;
  }

  /** A deep copy of a result value with secrets masked in every string. */
  Object maskValue(Object v) {
    if (v instanceof String s) {
      return mask(s);
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), maskValue(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(maskValue(x)));
      return out;
    }
    return v;
  }
}
