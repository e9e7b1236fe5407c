package dev.hawser.engine.testing;

import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Fact;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Templates;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A host made of canned answers: each command a module may run maps to an {@link ExecResult}.
 * A command without an answer fails the test, naming the command, so a case lists exactly the
 * state a module reads.
 */
public final class FakeRemote implements Remote {
  private final Map<String, ExecResult> answers = new LinkedHashMap<>();
  private final Map<String, byte[]> localFiles = new HashMap<>();
  private final Map<String, Object> vars = new LinkedHashMap<>();
  private final List<String> ran = new ArrayList<>();
  private final Map<String, Boolean> conditions = new HashMap<>();

  /** Answers {@code command} with rc 0 and {@code stdout}. */
  public FakeRemote on(String command, String stdout) {
    return on(command, new ExecResult(0, stdout, ""));
  }

  public FakeRemote on(String command, ExecResult result) {
    answers.put(command, result);
    return this;
  }

  public FakeRemote var(String name, Object value) {
    vars.put(name, value);
    return this;
  }

  /** The answer {@link Controller#evaluate} gives for {@code condition}. */
  public FakeRemote condition(String condition, boolean value) {
    conditions.put(condition, value);
    return this;
  }

  public FakeRemote localFile(String path, String content) {
    localFiles.put(path, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** The commands run so far, in order. */
  public List<String> ran() {
    return List.copyOf(ran);
  }

  @Override
  public String name() {
    return "fakehost";
  }

  @Override
  public ExecResult run(String command) {
    return run(command, null);
  }

  @Override
  public ExecResult run(String command, byte[] stdin) {
    ran.add(command);
    ExecResult r = answers.get(command);
    if (r == null) {
      throw new AssertionError("FakeRemote has no answer for command:\n" + command
          + "\nknown commands:\n" + String.join("\n", answers.keySet()));
    }
    return r;
  }

  @Override
  public <T> T fact(Fact<T> fact) throws ModuleException {
    return fact.parse(run(fact.command()));
  }

  @Override
  public Controller controller() {
    return new Controller() {
      @Override
      public Map<String, Object> vars() {
        return vars;
      }

      @Override
      public byte[] readFile(String path, String kind) throws ModuleException {
        byte[] b = localFiles.get(path);
        if (b == null) {
          throw new ModuleException("could not find " + path + " in " + kind + "/ or beside the playbook");
        }
        return b;
      }

      @Override
      public String render(String template) {
        return Templates.renderLenient("test", template, vars);
      }

      @Override
      public String render(String template, Map<String, Object> extra) {
        Map<String, Object> scope = new HashMap<>(vars);
        scope.putAll(extra);
        return Templates.renderLenient("test", template, scope);
      }

      @Override
      public boolean evaluate(String condition) {
        Boolean b = conditions.get(condition);
        if (b == null) {
          throw new AssertionError("FakeRemote has no answer for condition: " + condition);
        }
        return b;
      }
    };
  }
}
