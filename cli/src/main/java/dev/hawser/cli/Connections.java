package dev.hawser.cli;

import dev.hawser.engine.connect.Connection;
import dev.hawser.engine.connect.ConnectionSpec;
import dev.hawser.engine.connect.LocalConnection;
import dev.hawser.engine.connect.SshConnector;
import dev.hawser.engine.connect.UnreachableException;
import dev.hawser.engine.exec.ConnectionFactory;

/** ssh through one shared connector; local for ansible_connection=local. */
final class Connections implements ConnectionFactory {
  private final SshConnector ssh;

  Connections(SshConnector ssh) {
    this.ssh = ssh;
  }

  @Override
  public Connection open(ConnectionSpec spec, boolean local) throws UnreachableException {
    return local ? new LocalConnection() : ssh.open(spec);
  }

  @Override
  public void close() {
    ssh.close();
  }
}
