package dev.hawser.engine.exec;

import dev.hawser.engine.connect.Connection;
import dev.hawser.engine.connect.ConnectionSpec;
import dev.hawser.engine.connect.UnreachableException;

/** Opens connections: ssh for remote hosts, local for ansible_connection=local. */
public interface ConnectionFactory extends AutoCloseable {
  Connection open(ConnectionSpec spec, boolean local) throws UnreachableException;

  @Override
  void close();
}
