package dev.hawser.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Step;
import dev.hawser.engine.spi.TaskModule;
import dev.hawser.engine.testing.FakeRemote;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Module tests as data: {@code cases/<module>/<case>.yaml} holds params, the host's answers to the
 * commands the module reads state with, and the expected steps (or no change, or a failure). When
 * a case has {@code after:} answers (the host once the steps are applied), the module must then
 * report no change: the idempotence check. See cases/README.md for the format.
 */
class ModuleCaseTest {
  private static final Path CASES = Path.of("src/test/resources/cases");

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    Map<String, TaskModule> modules = new java.util.HashMap<>();
    ServiceLoader.load(TaskModule.class).forEach(m -> modules.put(m.name(), m));
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CASES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        String module = f.getParent().getFileName().toString();
        tests.add(DynamicTest.dynamicTest(module + "/" + f.getFileName(), f.toUri(),
            () -> runCase(modules.get(module), module, f)));
      }
    }
    return tests.stream();
  }

  @SuppressWarnings("unchecked")
  private static void runCase(TaskModule module, String name, Path file) throws Exception {
    assertThat(module).as("module %s is registered with ServiceLoader", name).isNotNull();
    Map<String, Object> c;
    try (InputStream in = Files.newInputStream(file)) {
      c = new Yaml().load(in);
    }
    Map<String, Object> rawParams = (Map<String, Object>) c.getOrDefault("params", Map.of());
    if (c.containsKey("invalid")) {
      assertThatThrownBy(() -> module.spec().validate(rawParams, false))
          .hasMessageContaining((String) c.get("invalid"));
      return;
    }
    Params params = module.spec().validate(rawParams, false);
    FakeRemote host = fakeHost(c, "host");
    if (c.containsKey("fails")) {
      assertThatThrownBy(() -> module.plan(params, host)).isInstanceOf(ModuleException.class)
          .hasMessageContaining((String) c.get("fails"));
      return;
    }
    Change change = module.plan(params, host);
    Object expect = c.get("expect");
    if ("none".equals(expect) || expect == null) {
      assertThat(change).as("no change expected").isInstanceOf(Change.None.class);
    } else {
      assertThat(change).as("a change expected").isInstanceOf(Change.Pending.class);
      List<Step> steps = ((Change.Pending) change).steps();
      assertThat(steps.stream().map(ModuleCaseTest::show).toList())
          .containsExactlyElementsOf(((List<Object>) expect).stream().map(ModuleCaseTest::show).toList());
    }
    if (c.containsKey("data")) {
      Map<String, Object> data = (Map<String, Object>) c.get("data");
      data.forEach((k, v) -> assertThat(String.valueOf(change.data().get(k))).as("data " + k)
          .isEqualTo(String.valueOf(v)));
    }
    if (c.containsKey("msg")) {
      assertThat(change.msg()).contains((String) c.get("msg"));
    }
    if (c.containsKey("after")) {
      Change again = module.plan(params, fakeHost(c, "after"));
      assertThat(again).as("after applying the steps the module reports no change")
          .isInstanceOf(Change.None.class);
    }
  }

  @SuppressWarnings("unchecked")
  private static FakeRemote fakeHost(Map<String, Object> c, String key) {
    FakeRemote host = new FakeRemote();
    ((Map<String, Object>) c.getOrDefault(key, Map.of())).forEach((cmd, answer) -> {
      if (answer instanceof Map<?, ?> raw) {
        Map<String, Object> m = (Map<String, Object>) raw;
        host.on(cmd, new ExecResult(((Number) m.getOrDefault("rc", 0)).intValue(),
            (String) m.getOrDefault("stdout", ""), (String) m.getOrDefault("stderr", "")));
      } else {
        host.on(cmd, answer == null ? "" : String.valueOf(answer));
      }
    });
    ((Map<String, Object>) c.getOrDefault("vars", Map.of())).forEach(host::var);
    ((Map<String, Object>) c.getOrDefault("conditions", Map.of())).forEach((k, v) -> host.condition(k, (Boolean) v));
    ((Map<String, Object>) c.getOrDefault("files", Map.of())).forEach((p, t) -> host.localFile(p, (String) t));
    return host;
  }

  /** A step as comparable text: "run: CMD", "run: CMD <<< STDIN", "upload: PATH mode owner group\nCONTENT". */
  @SuppressWarnings("unchecked")
  private static String show(Object o) {
    if (o instanceof Step.Run r) {
      return "run: " + r.command() + (r.stdin() == null ? "" : " <<< " + new String(r.stdin(), StandardCharsets.UTF_8));
    }
    if (o instanceof Step.Upload u) {
      return "upload: " + u.path() + " " + u.mode() + " " + u.owner() + " " + u.group() + "\n"
          + new String(u.content(), StandardCharsets.UTF_8);
    }
    if (o instanceof Step.Reconnect r) {
      return "reconnect: " + r.timeoutSeconds() + " " + r.confirmCommand();
    }
    Map<String, Object> m = (Map<String, Object>) o;
    if (m.containsKey("run")) {
      return "run: " + m.get("run") + (m.containsKey("stdin") ? " <<< " + m.get("stdin") : "");
    }
    if (m.containsKey("upload")) {
      return "upload: " + m.get("upload") + " " + m.get("mode") + " " + m.get("owner") + " " + m.get("group")
          + "\n" + m.getOrDefault("content", "");
    }
    if (m.containsKey("reconnect")) {
      return "reconnect: " + m.get("reconnect") + " " + m.get("confirm");
    }
    throw new IllegalArgumentException("unknown expected step " + o);
  }
}
