package dev.hawser.modules.core;

import dev.hawser.engine.connect.LocalConnection;
import dev.hawser.engine.exec.LocalSteps;
import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Fact;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.testing.FakeController;
import java.io.IOException;
import java.time.Duration;

/**
 * This machine as a host: commands run in /bin/sh, so the fact commands meet real coreutils output,
 * and {@link #apply} sends a Change's steps with the same scripts the engine sends (uploads land
 * via a temp file in the same directory, then a rename).
 */
final class LocalHost implements Remote {
  private final FakeController controller = new FakeController();
  private ExecResult last;

  LocalHost controllerFile(String name, String content) {
    controller.file(name, content);
    return this;
  }

  LocalHost var(String name, Object value) {
    controller.var(name, value);
    return this;
  }

  ExecResult last() {
    return last;
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public ExecResult run(String command) throws ModuleException {
    return run(command, null);
  }

  @Override
  public ExecResult run(String command, byte[] stdin) throws ModuleException {
    try {
      return new LocalConnection().exec(command, stdin, Duration.ofMinutes(1));
    } catch (IOException e) {
      throw new ModuleException("local run failed: " + e.getMessage());
    }
  }

  @Override
  public <T> T fact(Fact<T> fact) throws ModuleException {
    return fact.parse(run(fact.command()));
  }

  /** Applies the steps; a failing step throws, as it fails the task in the engine. */
  void apply(Change change) throws Exception {
    if (change instanceof Change.Pending pending) {
      ExecResult r = LocalSteps.apply(pending.steps(), "");
      last = r != null ? r : last;
    }
  }

  @Override
  public Controller controller() {
    return controller;
  }
}
