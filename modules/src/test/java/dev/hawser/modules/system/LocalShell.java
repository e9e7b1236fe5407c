package dev.hawser.modules.system;

import dev.hawser.engine.connect.LocalConnection;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Fact;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A "host" that is this machine's /bin/sh, optionally with a directory of fake tools first on the
 * PATH: proves what sh really makes of the command lines modules build.
 */
final class LocalShell implements Remote {
  private final Path fakeBin;

  LocalShell(Path fakeBin) {
    this.fakeBin = fakeBin;
  }

  @Override
  public String name() {
    return "localhost";
  }

  @Override
  public ExecResult run(String command) throws ModuleException {
    return run(command, null);
  }

  @Override
  public ExecResult run(String command, byte[] stdin) throws ModuleException {
    String path = fakeBin == null ? "" : "PATH=" + Sh.quote(fakeBin.toString()) + ":\"$PATH\"; export PATH; ";
    try {
      return new LocalConnection().exec(path + command, stdin, Duration.ofMinutes(1));
    } catch (IOException e) {
      throw new ModuleException("sh failed: " + e.getMessage());
    }
  }

  /** Applies a step as the engine would (Run steps only). */
  ExecResult apply(Step step) throws ModuleException {
    Step.Run r = (Step.Run) step;
    return run(r.command(), r.stdin());
  }

  @Override
  public <T> T fact(Fact<T> fact) throws ModuleException {
    return fact.parse(run(fact.command()));
  }

  @Override
  public Controller controller() {
    throw new UnsupportedOperationException("no controller in LocalShell");
  }
}
