package dev.hawser.engine.connect;

import dev.hawser.engine.connect.ConnectionSpec.HostKeyChecking;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Merges a {@link ConnectionSpec} with ~/.ssh/config and defaults into an {@link SshTarget}. */
final class SshTargetResolver {
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
  private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

  private final SshOptions options;
  private final SshConfig config;

  SshTargetResolver(SshOptions options) {
    this.options = options;
    this.config = SshConfig.load(options.sshConfig(), options.home());
  }

  SshTarget resolve(ConnectionSpec spec) throws UnreachableException {
    String alias = spec.address() != null ? spec.address() : spec.inventoryName();
    if (alias == null || alias.isBlank()) {
      throw new UnreachableException("no address for host " + spec.inventoryName());
    }
    HostSettings cfg = config.settingsFor(alias);
    String hostName = cfg.hostName() != null ? cfg.hostName() : alias;
    int port = spec.port() != null ? spec.port() : cfg.port() != null ? cfg.port() : 22;
    String user = spec.user() != null ? spec.user() : cfg.user() != null ? cfg.user() : localUser();
    boolean explicitKeys = spec.identityFiles() != null && !spec.identityFiles().isEmpty();
    List<Path> keys = explicitKeys
        ? spec.identityFiles().stream().map(p -> ConfigTokens.expandHome(p.toString(), options.home())).toList()
        : !cfg.identityFiles().isEmpty() ? cfg.identityFiles() : defaultKeys();
    String jump = spec.proxyJump() != null ? spec.proxyJump() : cfg.proxyJump();
    if (jump != null && (jump.isBlank() || jump.equalsIgnoreCase("none"))) {
      jump = null;
    }
    Path knownHosts = spec.knownHosts() != null ? spec.knownHosts()
        : cfg.userKnownHostsFile() != null ? cfg.userKnownHostsFile() : options.knownHosts();
    HostKeyChecking checking = spec.hostKeyChecking() != null ? spec.hostKeyChecking()
        : cfg.strictHostKeyChecking() != null ? cfg.strictHostKeyChecking() : HostKeyChecking.STRICT;
    Duration timeout = spec.connectTimeout() != null ? spec.connectTimeout()
        : cfg.connectTimeoutSeconds() != null ? Duration.ofSeconds(cfg.connectTimeoutSeconds())
        : DEFAULT_CONNECT_TIMEOUT;
    return new SshTarget(alias, hostName, port, user, keys, explicitKeys, spec.password(), spec.keyPassphrase(),
        jump, new HostKeyPolicy(new KnownHostsFile(knownHosts), checking), timeout);
  }

  /** Settings for a ProxyJump hop: config values for {@code alias}, overridden by the jump spec's user/port. */
  JumpHost resolveJump(String alias, String user, int port) {
    HostSettings cfg = config.settingsFor(alias);
    return new JumpHost(
        alias,
        cfg.hostName() != null ? cfg.hostName() : alias,
        port > 0 ? port : cfg.port() != null ? cfg.port() : 22,
        user != null && !user.isBlank() ? user : cfg.user() != null ? cfg.user() : localUser(),
        !cfg.identityFiles().isEmpty() ? cfg.identityFiles() : defaultKeys());
  }

  record JumpHost(String alias, String hostName, int port, String user, List<Path> identityFiles) {}

  private List<Path> defaultKeys() {
    List<Path> found = new ArrayList<>();
    for (String name : DEFAULT_KEYS) {
      Path p = options.home().resolve(".ssh").resolve(name);
      if (Files.isRegularFile(p)) {
        found.add(p);
      }
    }
    return found;
  }

  private String localUser() {
    Map<String, String> env = options.env();
    String user = env.get("USER");
    return user != null && !user.isBlank() ? user : System.getProperty("user.name");
  }
}
