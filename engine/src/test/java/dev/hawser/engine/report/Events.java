package dev.hawser.engine.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hawser.engine.spi.Diff;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: HostResults from JSON copied out of real Ansible output, captured streams. */
final class Events {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  static Map<String, Object> json(String text) {
    try {
      return JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> show(String text) {
    Map<String, Object> m = json(text);
    m.put("_hawser_show", true);
    return m;
  }

  static HostResult result(String host, String task, Status status, Map<String, Object> result) {
    return new HostResult(host, task, status, str(result, "msg"), rc(result), str(result, "stdout"),
        str(result, "stderr"), Duration.ofMillis(12), List.of(), List.of(), result, null, false);
  }

  static HostResult item(String host, String task, Status status, String item,
      Map<String, Object> result) {
    return withItem(result(host, task, status, result), item);
  }

  static HostResult withItem(HostResult r, String item) {
    return new HostResult(r.host(), r.task(), r.status(), r.msg(), r.rc(), r.stdout(), r.stderr(),
        r.duration(), r.diffs(), r.plannedSteps(), r.result(), item, r.noLog());
  }

  static HostResult noLog(HostResult r) {
    return new HostResult(r.host(), r.task(), r.status(), r.msg(), r.rc(), r.stdout(), r.stderr(),
        r.duration(), r.diffs(), r.plannedSteps(), r.result(), r.item(), true);
  }

  static HostResult withDiff(HostResult r, Diff d) {
    return new HostResult(r.host(), r.task(), r.status(), r.msg(), r.rc(), r.stdout(), r.stderr(),
        r.duration(), List.of(d), r.plannedSteps(), r.result(), r.item(), r.noLog());
  }

  static HostResult withSteps(HostResult r, List<String> steps) {
    return new HostResult(r.host(), r.task(), r.status(), r.msg(), r.rc(), r.stdout(), r.stderr(),
        r.duration(), r.diffs(), steps, r.result(), r.item(), r.noLog());
  }

  static String resource(String name) {
    try (InputStream in = Events.class.getResourceAsStream("/report/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? null : v.toString();
  }

  private static Integer rc(Map<String, Object> m) {
    return m.get("rc") instanceof Integer i ? i : null;
  }

  /** A PrintStream whose text can be read back. */
  static final class Capture {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
