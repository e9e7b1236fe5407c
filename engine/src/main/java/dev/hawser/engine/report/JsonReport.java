package dev.hawser.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the run as JSON when the playbook ends (atomically: temp file, then rename):
 * {@code {"playbook", "check_mode", "interrupted", "plays": [{"name", "tasks": [{"name",
 * "handler", "hosts": {"web1": {"status", "changed", "msg", "rc", "duration_ms", "items"?}}}]}],
 * "stats": {"web1": {"ok", "changed", ...}}}}. no_log results show Ansible's hidden-output text
 * as msg, and their items' labels are censored.
 */
public final class JsonReport extends FileReport {
  static final String CENSORED_ITEM = "(censored due to no_log)";

  public JsonReport(Path file) {
    super(file);
  }

  @Override
  public void playbookEnd(Map<String, HostStats> recap, boolean interrupted) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("playbook", log.playbook());
    root.put("check_mode", log.checkMode());
    root.put("interrupted", interrupted);
    List<Object> plays = new ArrayList<>();
    for (RunLog.Play p : log.plays()) {
      List<Object> tasks = new ArrayList<>();
      for (RunLog.Task t : p.tasks()) {
        Map<String, Object> hosts = new LinkedHashMap<>();
        t.hosts().keySet().forEach(h -> hosts.put(h, hostEntry(t, h)));
        tasks.add(ordered("name", t.name(), "handler", t.handler(), "hosts", hosts));
      }
      plays.add(ordered("name", p.name(), "tasks", tasks));
    }
    root.put("plays", plays);
    Map<String, Object> stats = new LinkedHashMap<>();
    recap.forEach((host, s) -> stats.put(host, ordered("ok", s.ok(), "changed", s.changed(),
        "unreachable", s.unreachable(), "failed", s.failed(), "skipped", s.skipped(),
        "rescued", s.rescued(), "ignored", s.ignored())));
    root.put("stats", stats);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    AtomicFiles.write(file, out -> mapper.writeValue(out, root));
  }

  private static Map<String, Object> hostEntry(RunLog.Task t, String host) {
    Map<String, Object> entry = fields(t.result(host));
    List<HostResult> items = t.items().get(host);
    if (items != null) {
      List<Object> list = new ArrayList<>();
      for (HostResult i : items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", i.noLog() ? CENSORED_ITEM : i.item());
        m.putAll(fields(i));
        list.add(m);
      }
      entry.put("items", list);
    }
    return entry;
  }

  private static Map<String, Object> fields(HostResult r) {
    return ordered("status", r.status().name().toLowerCase(Locale.ROOT), "changed", r.changed(),
        "msg", ResultView.msg(r), "rc", r.rc(),
        "duration_ms", r.duration() == null ? 0 : r.duration().toMillis());
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
