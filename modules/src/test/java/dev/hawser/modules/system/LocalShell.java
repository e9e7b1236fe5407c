package dev.hawser.modules.system;

import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Fact;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

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
    try {
      ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
      if (fakeBin != null) {
        Map<String, String> env = pb.environment();
        env.put("PATH", fakeBin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
      }
      Process p = pb.start();
      if (stdin != null) {
        p.getOutputStream().write(stdin);
      }
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      return new ExecResult(p.waitFor(), out, err);
    } catch (IOException e) {
      throw new ModuleException("sh failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModuleException("interrupted");
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
