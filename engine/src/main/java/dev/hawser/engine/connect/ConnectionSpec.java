package dev.hawser.engine.connect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything needed to reach one host, resolved from inventory variables (ansible_host, ansible_port,
 * ansible_user, ansible_ssh_private_key_file, ansible_password), CLI options and ~/.ssh/config.
 * Null fields mean "not set here": the connector fills them from ~/.ssh/config or defaults.
 */
public record ConnectionSpec(
    String inventoryName,
    String address,
    Integer port,
    String user,
    List<Path> identityFiles,
    String password,
    String keyPassphrase,
    Path knownHosts,
    HostKeyChecking hostKeyChecking,
    String proxyJump,
    Duration connectTimeout) {

  public enum HostKeyChecking { STRICT, ACCEPT_NEW, OFF }

  @Override
  public String toString() {
    return "ConnectionSpec[" + user + "@" + address + ":" + port + "]"; // never the secrets
  }
}
