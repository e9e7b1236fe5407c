package dev.hawser.engine.connect;

import dev.hawser.engine.spi.ExecResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs commands on the control machine with /bin/sh -c (connection: local). */
public final class LocalConnection implements Connection {

  @Override
  public ExecResult exec(String command, byte[] stdin, Duration timeout) throws IOException {
    Process process = new ProcessBuilder("/bin/sh", "-c", command).start();
    // stdin and both outputs are pumped on their own threads so a full pipe never blocks another one
    CompletableFuture<Void> input = pump(() -> feed(process.getOutputStream(), stdin));
    CompletableFuture<byte[]> out = read(process.getInputStream());
    CompletableFuture<byte[]> err = read(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw new IOException("command timed out after " + ConnectErrors.seconds(timeout) + "s");
      }
      input.get();
      return new ExecResult(process.exitValue(),
          new String(out.get(), StandardCharsets.UTF_8), new String(err.get(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while running a local command");
    } catch (ExecutionException e) {
      kill(process);
      Throwable cause = e.getCause();
      throw cause instanceof IOException io ? io : new IOException(ConnectErrors.firstLine(cause), cause);
    }
  }

  private static void feed(OutputStream in, byte[] stdin) throws IOException {
    try (in) {
      if (stdin != null && stdin.length > 0) {
        in.write(stdin);
      }
    } catch (IOException e) {
      // the command exited without reading all of stdin: not an error, as with a shell pipe
    }
  }

  private static CompletableFuture<byte[]> read(InputStream stream) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try (stream) {
        result.complete(stream.readAllBytes());
      } catch (IOException e) {
        result.completeExceptionally(e);
      }
    }, "hawser-local-output");
    t.setDaemon(true);
    t.start();
    return result;
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static CompletableFuture<Void> pump(IoAction action) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        action.run();
        result.complete(null);
      } catch (IOException e) {
        result.completeExceptionally(e);
      }
    }, "hawser-local-input");
    t.setDaemon(true);
    t.start();
    return result;
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  @Override
  public String describe() {
    return "local";
  }

  @Override
  public void close() {}
}
