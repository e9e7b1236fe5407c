package dev.hawser.engine.testing;

import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Fact;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Remote;
import java.util.ArrayList;
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
  private final FakeController controller = new FakeController();
  private final List<String> ran = new ArrayList<>();

  /** Answers {@code command} with rc 0 and {@code stdout}. */
  public FakeRemote on(String command, String stdout) {
    return on(command, new ExecResult(0, stdout, ""));
  }

  public FakeRemote on(String command, ExecResult result) {
    answers.put(command, result);
    return this;
  }

  public FakeRemote var(String name, Object value) {
    controller.var(name, value);
    return this;
  }

  /** The answer {@link Controller#evaluate} gives for {@code condition}. */
  public FakeRemote condition(String condition, boolean value) {
    controller.condition(condition, value);
    return this;
  }

  public FakeRemote localFile(String path, String content) {
    controller.file(path, content);
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
    return controller;
  }
}
