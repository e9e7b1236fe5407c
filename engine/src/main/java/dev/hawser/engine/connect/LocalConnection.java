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
import java.util.concurrent.TimeoutException;

/** Runs commands on the control machine with /bin/sh -c (connection: local). */
public final class LocalConnection implements Connection {
  private final java.util.Set<Process> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Override
  public ExecResult exec(String command, byte[] stdin, Duration timeout) throws IOException {
    Process process = new ProcessBuilder("/bin/sh", "-c", command).start();
    running.add(process);
    try {
      return await(process, stdin, timeout);
    } finally {
      running.remove(process);
    }
  }

  private ExecResult await(Process process, byte[] stdin, Duration timeout) throws IOException {
    // stdin and both outputs are pumped on their own threads so a full pipe never blocks another one
    CompletableFuture<Void> input = pump(() -> feed(process.getOutputStream(), stdin));
    CompletableFuture<byte[]> out = read(process.getInputStream());
    CompletableFuture<byte[]> err = read(process.getErrorStream());
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw timedOut(timeout);
      }
      // A background child may still hold the pipes open: the deadline applies to them too.
      input.get(remaining(deadline), TimeUnit.NANOSECONDS);
      byte[] stdout = out.get(remaining(deadline), TimeUnit.NANOSECONDS);
      byte[] stderr = err.get(remaining(deadline), TimeUnit.NANOSECONDS);
      return new ExecResult(process.exitValue(),
          new String(stdout, StandardCharsets.UTF_8), new String(stderr, StandardCharsets.UTF_8));
    } catch (TimeoutException e) {
      kill(process);
      throw timedOut(timeout);
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

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  private static IOException timedOut(Duration timeout) {
    return new IOException("command timed out after " + ConnectErrors.seconds(timeout) + "s");
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
  public void close() {
    running.forEach(LocalConnection::kill); // Ctrl-C: commands still running end now
  }
}
