package dev.hawser.engine.vars;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/** to_yaml/to_nice_yaml (as PyYAML's dump: sorted keys), from_yaml and from_json on plain values only. */
final class Yamls {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Yamls() {}

  static String dump(Object v, boolean nice, Filters.Args a) {
    DumperOptions options = new DumperOptions();
    Object flow = a.keywords().get("default_flow_style");
    options.setDefaultFlowStyle(nice || Boolean.FALSE.equals(flow) ? DumperOptions.FlowStyle.BLOCK
        : Boolean.TRUE.equals(flow) ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.AUTO);
    options.setIndent(((Number) a.get(-1, "indent", nice ? 4 : 2)).intValue());
    options.setAllowUnicode(true);
    if (a.keywords().get("width") instanceof Number w) {
      options.setWidth(w.intValue());
    }
    Representer representer = new Representer(options);
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()), representer, options);
    return yaml.dump(plain(v, Py.truthy(a.get(-1, "sort_keys", true))));
  }

  /** Copies into plain lists and maps (keys sorted as PyYAML does), rejecting anything else. */
  private static Object plain(Object v, boolean sortKeys) {
    if (v instanceof Map<?, ?> m) {
      List<Object> keys = new ArrayList<>(m.keySet());
      if (sortKeys) {
        keys.sort((x, y) -> Py.compare(x, y, "<"));
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Object k : keys) {
        out.put(k, plain(m.get(k), sortKeys));
      }
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(o -> out.add(plain(o, sortKeys)));
      return out;
    }
    if (v == null || v instanceof Boolean || v instanceof Number || v instanceof String) {
      return v;
    }
    if (v instanceof CharSequence s) {
      return s.toString();
    }
    throw new ExprException("cannot represent a " + Py.typeName(v) + " as YAML");
  }

  static Object load(String text) {
    try {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw new ExprException("from_yaml: invalid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  static Object fromJson(String text) {
    try {
      return JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new ExprException("from_json: invalid JSON: " + e.getOriginalMessage());
    }
  }
}
