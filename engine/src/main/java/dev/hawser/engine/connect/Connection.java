package dev.hawser.engine.connect;

import dev.hawser.engine.spi.ExecResult;
import java.io.IOException;
import java.time.Duration;

/** An open session to one host, reused for every task. Thread-safe: tasks may run commands concurrently. */
public interface Connection extends AutoCloseable {
  /**
   * Runs {@code command} with {@code sh -c} semantics (the remote login shell for ssh, /bin/sh
   * locally), feeding {@code stdin} (may be null) and closing stdin afterwards.
   */
  ExecResult exec(String command, byte[] stdin, Duration timeout) throws IOException;

  /** A short description for -vvv ("ssh deploy@10.0.0.5:22", "local"). */
  String describe();

  @Override
  void close();
}
