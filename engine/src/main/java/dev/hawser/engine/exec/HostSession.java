package dev.hawser.engine.exec;

import dev.hawser.engine.connect.Connection;
import dev.hawser.engine.connect.ConnectionSpec;
import dev.hawser.engine.connect.UnreachableException;
import dev.hawser.engine.spi.ExecResult;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One host during a run: its connection (opened once, reused by every task), the facts tasks set
 * (register, set_fact), the handlers it notified, and whether it has dropped out.
 */
final class HostSession {
  private final String name;
  private final Map<String, Object> facts = new java.util.LinkedHashMap<>();
  private final Set<String> notified = new LinkedHashSet<>();
  private Connection connection;
  private UnreachableException unreachable;
  private Boolean sudoNeedsPassword;
  private String loginUser;
  private volatile boolean failed;

  HostSession(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  /** A copy of the variables tasks set on this host (register, set_fact); values may be null. */
  synchronized Map<String, Object> facts() {
    return new java.util.LinkedHashMap<>(facts);
  }

  synchronized void setFact(String name, Object value) {
    facts.put(name, value);
  }

  boolean active() {
    return !failed && unreachable == null;
  }

  void markFailed() {
    failed = true;
  }

  boolean failed() {
    return failed;
  }

  synchronized boolean unreachable() {
    return unreachable != null;
  }

  synchronized void notify(String handler) {
    notified.add(handler);
  }

  synchronized boolean takeNotified(String handler) {
    return notified.remove(handler);
  }

  /** The open connection, opening it on first use. */
  synchronized Connection connection(ConnectionFactory factory, ConnectionSpec spec, boolean local)
      throws UnreachableException {
    if (unreachable != null) {
      throw unreachable;
    }
    if (connection == null) {
      try {
        connection = factory.open(spec, local);
      } catch (UnreachableException e) {
        unreachable = e;
        throw e;
      }
    }
    return connection;
  }

  /** Whether sudo on this host wants a password (asked once per host, with cached credentials ignored). */
  synchronized boolean sudoNeedsPassword(Connection c, Duration timeout) throws IOException {
    if (sudoNeedsPassword == null) {
      ExecResult r = c.exec("sudo -k -n true", null, timeout);
      sudoNeedsPassword = !r.ok();
    }
    return sudoNeedsPassword;
  }

  /** The user the connection logs in as (asked once per host): become to that same user is a no-op. */
  synchronized String loginUser(Connection c, Duration timeout) throws IOException {
    if (loginUser == null) {
      ExecResult r = c.exec("id -un", null, timeout);
      loginUser = r.ok() ? r.stdout().strip() : "";
    }
    return loginUser;
  }

  synchronized void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }
}
