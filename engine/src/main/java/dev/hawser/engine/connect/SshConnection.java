package dev.hawser.engine.connect;

import dev.hawser.engine.spi.ExecResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/** One authenticated ssh session; each exec opens its own channel, at most {@link #MAX_CHANNELS} at once. */
final class SshConnection implements Connection {
  /** OpenSSH's default MaxSessions is 10; stay below it. */
  static final int MAX_CHANNELS = 8;

  private static final Map<String, Integer> SIGNALS = Map.of(
      "HUP", 1, "INT", 2, "QUIT", 3, "ABRT", 6, "KILL", 9, "SEGV", 11, "PIPE", 13, "ALRM", 14, "TERM", 15);

  private final ClientSession session;
  private final String description;
  private final Semaphore channels = new Semaphore(MAX_CHANNELS, true);

  SshConnection(ClientSession session, String user, String host, int port) {
    this.session = session;
    this.description = "ssh " + user + "@" + host + ":" + port;
  }

  @Override
  public ExecResult exec(String command, byte[] stdin, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!channels.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw timedOut(timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a free ssh channel");
    }
    try {
      return run(command, stdin, timeout, deadline);
    } finally {
      channels.release();
    }
  }

  private ExecResult run(String command, byte[] stdin, Duration timeout, long deadline) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ChannelExec channel = null;
    try {
      channel = session.createExecChannel(command);
      channel.setOut(out);
      channel.setErr(err);
      org.apache.sshd.client.future.OpenFuture opened = channel.open();
      if (!opened.await(remaining(deadline), TimeUnit.NANOSECONDS)) {
        throw timedOut(timeout);
      }
      if (!opened.isOpened()) {
        Throwable why = opened.getException();
        throw new IOException(description + ": could not open a channel"
            + (why == null ? "" : ": " + why.getMessage()));
      }
      // A fast command may already have exited and closed the channel: that is not an error.
      try (OutputStream in = channel.getInvertedIn()) {
        if (stdin != null && stdin.length > 0) {
          in.write(stdin);
        }
      } catch (IOException e) {
        if (channel.isOpen()) {
          throw e;
        }
      } // closing sends EOF, so commands reading stdin terminate
      Set<ClientChannelEvent> events = channel.waitFor(
          EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofNanos(Math.max(1, remaining(deadline))));
      if (!events.contains(ClientChannelEvent.CLOSED)) {
        throw timedOut(timeout);
      }
      return new ExecResult(exitCode(channel), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("command timed out")) {
        throw e;
      }
      throw new IOException(description + ": " + ConnectErrors.firstLine(e), e);
    } finally {
      if (channel != null) {
        channel.close(true);
      }
    }
  }

  private int exitCode(ChannelExec channel) throws IOException {
    Integer status = channel.getExitStatus();
    if (status != null) {
      return status;
    }
    String signal = channel.getExitSignal();
    if (signal != null) {
      return 128 + SIGNALS.getOrDefault(signal, 0);
    }
    if (!session.isOpen()) {
      throw new IOException("the connection was lost while the command ran");
    }
    return 255; // as OpenSSH's client does when the server reports no status
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  private static IOException timedOut(Duration timeout) {
    return new IOException("command timed out after " + ConnectErrors.seconds(timeout) + "s");
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    session.close(true);
  }

  @Override
  public String toString() {
    return description;
  }
}
