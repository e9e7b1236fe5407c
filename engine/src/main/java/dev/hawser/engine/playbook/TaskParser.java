package dev.hawser.engine.playbook;

import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.TaskModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads task lists: keywords, the one module key, its arguments (pre-validated), blocks and imports. */
final class TaskParser {
  private static final Set<String> KEYWORDS = Set.of("name", "when", "loop", "with_items", "with_list",
      "loop_control", "register", "notify", "listen", "tags", "ignore_errors", "changed_when",
      "failed_when", "become", "become_user", "become_method", "environment", "no_log", "vars", "args",
      "check_mode", "diff", "timeout", "delegate_to", "run_once", "block", "rescue", "always");
  private static final Set<String> NOT_YET = Set.of("any_errors_fatal", "max_fail_percentage", "throttle",
      "delegate_facts");
  private static final Set<String> IMPORTS = Set.of("import_tasks", "include_tasks",
      "ansible.builtin.import_tasks", "ansible.builtin.include_tasks");
  private static final Set<String> ROLE_IMPORTS = Set.of("import_role", "include_role",
      "ansible.builtin.import_role", "ansible.builtin.include_role");

  private final ModuleCatalog modules;
  private int includeDepth;
  private int blocks;
  private Roles roles;

  TaskParser(ModuleCatalog modules) {
    this.modules = modules;
  }

  /** The roles of the play being read: import_role tasks expand through it. */
  void useRoles(Roles roles) {
    this.roles = roles;
  }

  List<Task> list(YamlSource src, Map<String, Object> owner, String key, boolean handlers)
      throws PlaybookException {
    Object v = owner.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> items)) {
      throw new PlaybookException(src.positionOf(owner, key), "'" + key + "' must be a list of tasks");
    }
    List<Task> out = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?>)) {
        throw new PlaybookException(src.positionOf(items), "each task must be a mapping, got '" + item + "'");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) item;
      addTask(src, m, handlers, out);
    }
    return out;
  }

  private void addTask(YamlSource src, Map<String, Object> m, boolean handler, List<Task> out)
      throws PlaybookException {
    for (String k : m.keySet()) {
      if (NOT_YET.contains(k)) {
        throw new PlaybookException(src.positionOf(m, k), "task keyword '" + k + "' is not supported yet");
      }
    }
    if (m.containsKey("block")) {
      block(src, m, handler, out);
      return;
    }
    for (String k : List.of("rescue", "always")) {
      if (m.containsKey(k)) {
        throw new PlaybookException(src.positionOf(m, k), "'" + k + "' is only valid with 'block'");
      }
    }
    Optional<String> role = m.keySet().stream().filter(ROLE_IMPORTS::contains).findFirst();
    if (role.isPresent()) {
      if (roles == null || handler) {
        throw new PlaybookException(src.positionOf(m, role.get()), role.get() + " is only supported in a play's tasks");
      }
      for (Task t : roles.fromTask(src, m, role.get())) {
        out.add(Inherit.from(src, m, t));
      }
      return;
    }
    Optional<String> imp = m.keySet().stream().filter(IMPORTS::contains).findFirst();
    if (imp.isPresent()) {
      Object file = m.get(imp.get());
      if (file == null || String.valueOf(file).contains("{{")) {
        throw new PlaybookException(src.positionOf(m, imp.get()), imp.get() + " needs a literal file name");
      }
      if (includeDepth >= 10) {
        throw new PlaybookException(src.positionOf(m, imp.get()), imp.get() + " nested more than 10 deep (a cycle?)");
      }
      Path path = src.file().toAbsolutePath().getParent().resolve(String.valueOf(file));
      YamlSource inc = YamlSource.load(path);
      Map<String, Object> wrapper = new LinkedHashMap<>();
      wrapper.put("tasks", inc.root());
      if (imp.get().endsWith("include_tasks")) {
        out.add(Inherit.from(src, m, IncludeTasks.marker(m, path, src.positionOf(m))));
      }
      includeDepth++;
      try {
        for (Task t : list(inc, wrapper, "tasks", handler)) {
          out.add(Inherit.from(src, m, t));
        }
      } finally {
        includeDepth--;
      }
      return;
    }
    out.add(task(src, m, handler));
  }

  /** A block's body, rescue and always tasks, each with the block's keywords and its context. */
  private void block(YamlSource src, Map<String, Object> m, boolean handler, List<Task> out)
      throws PlaybookException {
    List<Task> body = list(src, m, "block", handler);
    List<Task> rescue = list(src, m, "rescue", handler);
    List<Task> always = list(src, m, "always", handler);
    if (handler && (m.containsKey("rescue") || m.containsKey("always"))) {
      String k = m.containsKey("rescue") ? "rescue" : "always";
      throw new PlaybookException(src.positionOf(m, k), "'" + k + "' in handlers is not supported yet");
    }
    int id = ++blocks;
    Map<BlockContext.Part, List<Task>> parts = Map.of(BlockContext.Part.BODY, body,
        BlockContext.Part.RESCUE, rescue, BlockContext.Part.ALWAYS, always);
    for (BlockContext.Part part : BlockContext.Part.values()) {
      BlockContext ctx = new BlockContext(id, part, !rescue.isEmpty(), !always.isEmpty(), null);
      for (Task t : parts.get(part)) {
        Task inherited = Inherit.from(src, m, t);
        out.add(handler ? inherited : inherited.inBlock(ctx));
      }
    }
  }

  private Task task(YamlSource src, Map<String, Object> m, boolean handler) throws PlaybookException {
    Nodes n = new Nodes(src, m, "task");
    List<String> moduleKeys = m.keySet().stream().filter(k -> !KEYWORDS.contains(k)).toList();
    String label = m.get("name") != null ? "task '" + m.get("name") + "'" : "task";
    if (moduleKeys.isEmpty()) {
      throw new PlaybookException(src.positionOf(m), label + ": no module given");
    }
    if (moduleKeys.size() > 1) {
      throw new PlaybookException(src.positionOf(m, moduleKeys.get(1)), label + ": conflicting action statements: "
          + String.join(", ", moduleKeys) + " (unknown keyword or module)");
    }
    String key = moduleKeys.get(0);
    TaskModule module = modules.find(key).orElseThrow(() -> new PlaybookException(src.positionOf(m, key),
        label + ": couldn't resolve module '" + key + "'" + suggest(key)));
    Map<String, Object> args = args(src, m, key, module.spec(), label);
    try {
      module.spec().validate(args, true);
    } catch (ParamSpec.ParamException e) {
      throw new PlaybookException(paramPosition(src, m, key, e.param()), label + ": " + module.name()
          + ": parameter '" + e.param() + "': " + e.getMessage());
    }
    Object loop = m.containsKey("loop") ? m.get("loop") : m.containsKey("with_items") ? flattenMarker(m.get("with_items")) : m.get("with_list");
    Map<String, Object> loopControl = n.map("loop_control");
    String name = n.str("name");
    return new Task(name, module.name(), args, m.get("when"), loop,
        loopControl.get("loop_var") == null ? "item" : String.valueOf(loopControl.get("loop_var")),
        loopControl.get("label"), n.str("register"), n.strings("notify"),
        handler ? n.strings("listen") : List.of(), n.strings("tags"), Boolean.TRUE.equals(n.bool("ignore_errors")),
        m.get("changed_when"), m.get("failed_when"), n.bool("become"), n.str("become_user"),
        n.map("environment"), Boolean.TRUE.equals(n.bool("no_log")), n.map("vars"), n.bool("check_mode"),
        Boolean.TRUE.equals(n.bool("run_once")), delegateTo(src, m), src.positionOf(m), null, null);
  }

  /** delegate_to: a host name (may be templated); a non-empty string. */
  static String delegateTo(YamlSource src, Map<String, Object> m) throws PlaybookException {
    if (!m.containsKey("delegate_to")) {
      return null;
    }
    Object v = m.get("delegate_to");
    if (v instanceof Map<?, ?> || v instanceof List<?> || v == null || String.valueOf(v).isBlank()) {
      throw new PlaybookException(src.positionOf(m, "delegate_to"), "'delegate_to' must be a host name, got '" + v + "'");
    }
    return String.valueOf(v);
  }

  /** with_items flattens one level of nested lists; the executor does it when it sees this wrapper. */
  private static Object flattenMarker(Object items) {
    return new WithItems(items);
  }

  private static Map<String, Object> args(YamlSource src, Map<String, Object> m, String key, ParamSpec spec,
      String label) throws PlaybookException {
    Map<String, Object> args = new LinkedHashMap<>();
    Object raw = m.get(key);
    if (raw instanceof Map<?, ?> map) {
      map.forEach((k, v) -> args.put(String.valueOf(k), v));
    } else if (raw != null) {
      try {
        args.putAll(FreeFormArgs.parse(String.valueOf(raw), spec));
      } catch (IllegalArgumentException e) {
        throw new PlaybookException(src.positionOf(m, key), label + ": " + key + ": " + e.getMessage());
      }
    }
    Object extra = m.get("args");
    if (extra instanceof Map<?, ?> map) {
      map.forEach((k, v) -> args.putIfAbsent(String.valueOf(k), v));
    } else if (extra != null) {
      throw new PlaybookException(src.positionOf(m, "args"), label + ": 'args' must be a mapping");
    }
    return args;
  }

  private String suggest(String key) {
    return modules.all().stream().map(TaskModule::name)
        .filter(n -> Spelling.distance(n, key) <= Math.max(1, key.length() / 3))
        .findFirst().map(n -> " (did you mean '" + n + "'?)").orElse("");
  }

  /** Where a bad parameter was written: its key under the module or under args, else the module key. */
  private static Position paramPosition(YamlSource src, Map<String, Object> task, String module, String param) {
    for (Object block : new Object[] {task.get(module), task.get("args")}) {
      if (block instanceof Map<?, ?> map && map.containsKey(param)) {
        return src.positionOf(map, param);
      }
    }
    return src.positionOf(task, module);
  }
}
