package dev.hawser.engine.playbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a playbook file into {@link Playbook}: checks every keyword, resolves every module and
 * pre-validates its parameters, so a bad playbook fails before any host is contacted.
 */
public final class PlaybookParser {
  private static final Set<String> PLAY_KEYS = Set.of("name", "hosts", "vars", "vars_files", "become",
      "become_user", "become_method", "gather_facts", "tasks", "handlers", "pre_tasks", "post_tasks",
      "environment", "strategy", "tags", "remote_user", "collections", "connection", "roles", "serial",
      "any_errors_fatal", "max_fail_percentage");
  private static final Set<String> NOT_YET = Set.of("ignore_unreachable", "no_log", "check_mode", "diff",
      "order", "throttle", "vars_prompt");

  private final TaskParser tasks;
  private final String rolesPath;

  public PlaybookParser(ModuleCatalog modules) {
    this(modules, System.getenv("ANSIBLE_ROLES_PATH"));
  }

  /** {@code rolesPath}: extra role folders, colon separated, as ANSIBLE_ROLES_PATH (may be null). */
  public PlaybookParser(ModuleCatalog modules, String rolesPath) {
    this.tasks = new TaskParser(modules);
    this.rolesPath = rolesPath;
  }

  public Playbook parse(Path file) throws PlaybookException {
    List<Play> plays = new ArrayList<>();
    parseInto(file, plays, 0);
    return new Playbook(file, plays);
  }

  private void parseInto(Path file, List<Play> plays, int depth) throws PlaybookException {
    YamlSource src = YamlSource.load(file);
    if (!(src.root() instanceof List<?> list)) {
      throw new PlaybookException(src.positionOf(src.root()), "a playbook must be a list of plays");
    }
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> raw)) {
        throw new PlaybookException(src.positionOf(list), "each play must be a mapping");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) raw;
      Object imported = m.containsKey("import_playbook") ? m.get("import_playbook")
          : m.get("ansible.builtin.import_playbook");
      if (imported != null) {
        if (depth > 10) {
          throw new PlaybookException(src.positionOf(m), "import_playbook nested too deeply");
        }
        Path next = file.toAbsolutePath().getParent().resolve(String.valueOf(imported));
        parseInto(next, plays, depth + 1);
        continue;
      }
      plays.add(play(src, m));
    }
  }

  private Play play(YamlSource src, Map<String, Object> m) throws PlaybookException {
    Nodes n = new Nodes(src, m, "play");
    for (String key : m.keySet()) {
      if (NOT_YET.contains(key)) {
        throw new PlaybookException(src.positionOf(m, key), "play keyword '" + key + "' is not supported yet");
      }
      if (!PLAY_KEYS.contains(key)) {
        throw new PlaybookException(src.positionOf(m, key), "unsupported play keyword '" + key + "'");
      }
    }
    if (m.get("hosts") == null) {
      throw new PlaybookException(src.positionOf(m), "play has no 'hosts'");
    }
    String strategy = n.str("strategy");
    if (strategy != null && !strategy.equals("linear")) {
      throw new PlaybookException(src.positionOf(m, "strategy"),
          "strategy '" + strategy + "' is not supported (linear only)");
    }
    Roles roles = new Roles(tasks, new RoleFinder(src.file().toAbsolutePath().getParent(), rolesPath));
    tasks.useRoles(roles);
    List<Task> pre = tasks.list(src, m, "pre_tasks", false);
    // Ansible's order: pre_tasks, then the roles' tasks, then tasks; role handlers before the play's.
    List<Task> main = new ArrayList<>(roles.fromPlay(src, m));
    main.addAll(tasks.list(src, m, "tasks", false));
    List<Task> post = tasks.list(src, m, "post_tasks", false);
    List<Task> handlers = new ArrayList<>(roles.handlers());
    handlers.addAll(tasks.list(src, m, "handlers", true));
    tasks.useRoles(null);
    Play play = new Play(n.str("name"), hostsPattern(m.get("hosts")), n.map("vars"), n.strings("vars_files"),
        n.bool("become"), n.str("become_user"), !Boolean.FALSE.equals(n.bool("gather_facts")),
        pre, List.copyOf(main), post, List.copyOf(handlers), n.map("environment"), n.strings("tags"),
        n.str("remote_user"), n.str("connection"), src.positionOf(m), roles.scopes(), serial(src, m),
        Boolean.TRUE.equals(n.bool("any_errors_fatal")), maxFailPercentage(src, m));
    checkNotifies(play);
    return play;
  }

  /** Every notify must name a handler (or a listen topic) of the same play. */
  private static void checkNotifies(Play play) throws PlaybookException {
    Set<String> targets = new java.util.HashSet<>();
    for (Task h : play.handlers()) {
      targets.add(h.displayName());
      if (h.role() != null) {
        targets.add(h.role().name() + " : " + h.displayName());
      }
      targets.addAll(h.listen());
    }
    List<Task> all = new ArrayList<>(play.preTasks());
    all.addAll(play.tasks());
    all.addAll(play.postTasks());
    all.addAll(play.handlers());
    for (Task t : all) {
      for (String target : t.notifies()) {
        if (!target.contains("{{") && !targets.contains(target)) {
          throw new PlaybookException(t.position(), "task '" + t.displayName() + "': notify: no handler named '"
              + target + "' in this play");
        }
      }
    }
  }

  /** serial: N, "N%", or a list of those; each batch size must be positive (0% rounds up to one host). */
  static List<Object> serial(YamlSource src, Map<String, Object> m) throws PlaybookException {
    Object v = m.get("serial");
    if (v == null) {
      return List.of();
    }
    List<?> items = v instanceof List<?> l ? l : List.of(v);
    if (items.isEmpty()) {
      throw new PlaybookException(src.positionOf(m, "serial"), "play: 'serial' must not be an empty list");
    }
    List<Object> out = new ArrayList<>();
    for (Object item : items) {
      String s = String.valueOf(item).strip();
      if (s.matches("[0-9]+")) {
        out.add(Integer.valueOf(s));
      } else if (s.matches("[0-9]+(\\.[0-9]+)?\\s*%")) {
        out.add(s.replaceAll("\\s", ""));
      } else {
        throw new PlaybookException(src.positionOf(m, "serial"), "play: 'serial' must be a number of hosts, a "
            + "percentage such as \"30%\" or a list of those, got '" + item + "'");
      }
    }
    return List.copyOf(out);
  }

  /** max_fail_percentage: a number from 0 to 100 (a trailing % is accepted). */
  static Double maxFailPercentage(YamlSource src, Map<String, Object> m) throws PlaybookException {
    Object v = m.get("max_fail_percentage");
    if (v == null) {
      return null;
    }
    String s = String.valueOf(v).strip();
    if (s.endsWith("%")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    double d;
    try {
      d = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      d = -1;
    }
    if (v instanceof Map<?, ?> || v instanceof List<?> || v instanceof Boolean || d < 0 || d > 100 || Double.isNaN(d)) {
      throw new PlaybookException(src.positionOf(m, "max_fail_percentage"),
          "play: 'max_fail_percentage' must be a number from 0 to 100, got '" + v + "'");
    }
    return d;
  }

  private static String hostsPattern(Object hosts) {
    if (hosts instanceof List<?> l) {
      return String.join(":", l.stream().map(String::valueOf).toList());
    }
    return String.valueOf(hosts);
  }
}
