package dev.hawser.modules.core;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.Fact;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.Sh;
import dev.hawser.engine.spi.Step;
import dev.hawser.engine.spi.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * This machine as a host: commands run in /bin/sh, so the fact commands meet real coreutils output,
 * and {@link #apply} plays a Change's steps the way the engine would (uploads land via a temp file
 * in the same directory, then a rename).
 */
final class LocalHost implements Remote {
  private final Map<String, byte[]> controllerFiles = new HashMap<>();
  private final Map<String, Object> vars = new HashMap<>();
  private ExecResult last;

  LocalHost controllerFile(String name, String content) {
    controllerFiles.put(name, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  LocalHost var(String name, Object value) {
    vars.put(name, value);
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
      Process p = new ProcessBuilder("/bin/sh", "-c", command).start();
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      try (OutputStream in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      }
      String out = new String(readAll(p.getInputStream()), StandardCharsets.UTF_8);
      return new ExecResult(p.waitFor(), out, new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new ModuleException("local run failed: " + e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public <T> T fact(Fact<T> fact) throws ModuleException {
    return fact.parse(run(fact.command()));
  }

  /** Applies the steps; a failing Run throws, as it fails the task in the engine. */
  void apply(Change change) throws Exception {
    if (!(change instanceof Change.Pending pending)) {
      return;
    }
    for (Step step : pending.steps()) {
      if (step instanceof Step.Run r) {
        last = run(r.command(), r.stdin());
        if (!last.ok() && !r.allowFailure()) {
          throw ModuleException.of("step failed: " + r.command(), last);
        }
      } else if (step instanceof Step.Upload u) {
        Path target = Path.of(u.path());
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".hawser", ".tmp");
        Files.write(tmp, u.content());
        String t = Sh.quote(tmp.toString());
        String keep = Files.exists(target) ? Sh.cmd("chmod", "--reference=" + u.path(), tmp.toString()) + "; "
            + Sh.cmd("chown", "--reference=" + u.path(), tmp.toString()) : Sh.cmd("chmod", "0644", tmp.toString());
        run(keep + (u.mode() == null ? "" : "; chmod " + u.mode() + " " + t)
            + (u.owner() == null ? "" : "; chown " + Sh.quote(u.owner()) + " " + t)
            + (u.group() == null ? "" : "; chgrp " + Sh.quote(u.group()) + " " + t));
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
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
        byte[] b = controllerFiles.get(path);
        if (b == null) {
          throw new ModuleException("could not find " + path + " in " + kind + "/");
        }
        return b;
      }

      @Override
      public String render(String template) {
        return Templates.renderLenient("t", template, vars);
      }

      @Override
      public String render(String template, Map<String, Object> extra) {
        Map<String, Object> scope = new HashMap<>(vars);
        scope.putAll(extra);
        return Templates.renderLenient("t", template, scope);
      }

      @Override
      public boolean evaluate(String condition) {
        throw new UnsupportedOperationException(condition);
      }
    };
  }
}
