package dev.hawser.engine.connect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One host's effective ssh settings: the spec's fields, else ~/.ssh/config, else defaults.
 * {@code identitiesRequired} is true when the key files were named explicitly in the spec.
 */
record SshTarget(
    String alias,
    String hostName,
    int port,
    String user,
    List<Path> identityFiles,
    boolean identitiesRequired,
    String password,
    String keyPassphrase,
    String proxyJump,
    HostKeyPolicy hostKeyPolicy,
    Duration connectTimeout) {

  String display() {
    return user + "@" + hostName + ":" + port;
  }

  @Override
  public String toString() {
    return "SshTarget[" + display() + "]"; // never the secrets
  }
}
