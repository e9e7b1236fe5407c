package dev.hawser.engine.playbook;

import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles of one play: the play's {@code roles:}, meta dependencies and {@code import_role} /
 * {@code include_role} tasks, expanded to tasks when the playbook is parsed. Collects the roles'
 * handlers and variable scopes. A role under {@code roles:} or as a dependency runs once per play
 * (same name and params); an imported role runs each time it is imported.
 */
final class Roles {
  private static final Set<String> ENTRY_KEYWORDS = Set.of("role", "name", "vars", "when", "tags", "become",
      "become_user", "become_method", "environment", "no_log", "check_mode", "ignore_errors");
  private static final ParamSpec IMPORT_SPEC = ParamSpec.of(Param.str("name").required(), Param.str("tasks_from"),
      Param.str("vars_from"), Param.str("defaults_from"), Param.str("handlers_from"), Param.any("public"),
      Param.any("allow_duplicates"));

  private final TaskParser parser;
  private final RoleFinder finder;
  private final List<RoleScope> scopes = new ArrayList<>();
  private final List<Task> handlers = new ArrayList<>();
  private final Set<String> ran = new HashSet<>();
  private final Set<String> handlerFiles = new HashSet<>();
  private int depth;

  Roles(TaskParser parser, RoleFinder finder) {
    this.parser = parser;
    this.finder = finder;
  }

  List<RoleScope> scopes() {
    return List.copyOf(scopes);
  }

  List<Task> handlers() {
    return List.copyOf(handlers);
  }

  /** The tasks of a play's {@code roles:} list, dependencies first. */
  List<Task> fromPlay(YamlSource src, Map<String, Object> play) throws PlaybookException {
    return entries(src, play, "roles");
  }

  /** The tasks of {@code import_role: name=x} (or include_role), before the task's own keywords apply. */
  List<Task> fromTask(YamlSource src, Map<String, Object> task, String key) throws PlaybookException {
    for (String loopKey : List.of("loop", "with_items", "with_list")) {
      if (task.containsKey(loopKey)) {
        throw new PlaybookException(src.positionOf(task, loopKey), key + " with '" + loopKey
            + "' is not supported (roles are read when the playbook is parsed)");
      }
    }
    Object raw = task.get(key);
    Map<String, Object> args = new LinkedHashMap<>();
    try {
      if (raw instanceof Map<?, ?> map) {
        map.forEach((k, v) -> args.put(String.valueOf(k), v));
      } else if (raw != null) {
        args.putAll(FreeFormArgs.parse(String.valueOf(raw), IMPORT_SPEC));
      }
      IMPORT_SPEC.validate(args, false);
    } catch (IllegalArgumentException e) {
      throw new PlaybookException(src.positionOf(task, key), key + ": " + e.getMessage());
    } catch (ParamSpec.ParamException e) {
      throw new PlaybookException(src.positionOf(task, key), key + ": parameter '" + e.param() + "': " + e.getMessage());
    }
    Position at = src.positionOf(task, key);
    String name = String.valueOf(args.get("name"));
    Map<String, String> from = new LinkedHashMap<>();
    for (String kind : List.of("tasks", "vars", "defaults", "handlers")) {
      Object f = args.get(kind + "_from");
      from.put(kind, f == null ? "main" : String.valueOf(f));
    }
    return load(name, finder.find(name, at), Map.of(), Map.of(), from, at);
  }

  private List<Task> entries(YamlSource src, Map<String, Object> owner, String key) throws PlaybookException {
    Object v = owner.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw new PlaybookException(src.positionOf(owner, key), "'" + key + "' must be a list of roles");
    }
    List<Task> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.addAll(entry(src, list.get(i), src.positionOfItem(list, i)));
    }
    return out;
  }

  private List<Task> entry(YamlSource src, Object item, Position at) throws PlaybookException {
    if (item instanceof Map<?, ?> raw) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) raw;
      Object name = m.get("role") != null ? m.get("role") : m.get("name");
      if (name == null || name instanceof Map<?, ?> || name instanceof List<?>) {
        throw new PlaybookException(at, "a role entry needs 'role: NAME'");
      }
      Map<String, Object> params = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        if (!ENTRY_KEYWORDS.contains(k)) {
          params.put(k, v);
        }
      });
      Map<String, Object> vars = new Nodes(src, m, "role").map("vars");
      List<Task> out = new ArrayList<>();
      for (Task t : once(String.valueOf(name), vars, params, at)) {
        out.add(Inherit.from(src, m, t, false));
      }
      return out;
    }
    if (item == null || item instanceof List<?>) {
      throw new PlaybookException(at, "a role entry must be a name or a mapping");
    }
    return once(String.valueOf(item), Map.of(), Map.of(), at);
  }

  private List<Task> once(String name, Map<String, Object> vars, Map<String, Object> params, Position at)
      throws PlaybookException {
    if (!ran.add(name + " " + params)) {
      return List.of();
    }
    Map<String, String> from = Map.of("tasks", "main", "vars", "main", "defaults", "main", "handlers", "main");
    return load(name, finder.find(name, at), vars, params, from, at);
  }

  private List<Task> load(String name, Path dir, Map<String, Object> entryVars, Map<String, Object> params,
      Map<String, String> from, Position at) throws PlaybookException {
    if (depth >= 20) {
      throw new PlaybookException(at, "role '" + name + "': dependencies nested more than 20 deep (a cycle?)");
    }
    depth++;
    try {
      List<Task> out = new ArrayList<>();
      Path meta = RoleFinder.file(dir, "meta", "main");
      if (meta != null) {
        YamlSource src = YamlSource.load(meta);
        if (src.root() instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked")
          Map<String, Object> metaMap = (Map<String, Object>) m;
          out.addAll(entries(src, metaMap, "dependencies"));
        }
      }
      Map<String, Object> vars = new LinkedHashMap<>(entryVars);
      vars.putAll(RoleFinder.vars(dir, "vars", from.get("vars")));
      RoleScope scope = new RoleScope(name, dir, RoleFinder.vars(dir, "defaults", from.get("defaults")), vars,
          params);
      scopes.add(scope);
      Path tasks = RoleFinder.file(dir, "tasks", from.get("tasks"));
      if (tasks == null && !from.get("tasks").equals("main")) {
        throw new PlaybookException(at, "role '" + name + "': no tasks/" + from.get("tasks") + ".yml in " + dir);
      }
      out.addAll(read(tasks, scope, false));
      Path handlerFile = RoleFinder.file(dir, "handlers", from.get("handlers"));
      if (handlerFile != null && handlerFiles.add(handlerFile.toString())) {
        handlers.addAll(read(handlerFile, scope, true));
      }
      return out;
    } finally {
      depth--;
    }
  }

  private List<Task> read(Path file, RoleScope scope, boolean handler) throws PlaybookException {
    if (file == null) {
      return List.of();
    }
    YamlSource src = YamlSource.load(file);
    Map<String, Object> wrapper = new LinkedHashMap<>();
    wrapper.put(handler ? "handlers" : "tasks", src.root());
    List<Task> out = new ArrayList<>();
    for (Task t : parser.list(src, wrapper, handler ? "handlers" : "tasks", handler)) {
      out.add(t.inRole(scope));
    }
    return out;
  }
}
