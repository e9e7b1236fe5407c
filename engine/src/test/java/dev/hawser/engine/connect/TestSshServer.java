package dev.hawser.engine.connect;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.shell.ProcessShellFactory;

/** An in-process sshd on 127.0.0.1 that runs exec requests with /bin/sh -c. */
final class TestSshServer implements AutoCloseable {
  static final String USER = "tester";

  final SshServer sshd;
  final List<KeyPair> hostKeys;
  final Set<PublicKey> authorizedKeys = ConcurrentHashMap.newKeySet();
  final List<String> loggedInUsers = new CopyOnWriteArrayList<>();
  volatile String password;

  private TestSshServer(List<KeyPair> hostKeys) throws IOException {
    this.hostKeys = hostKeys;
    sshd = SshServer.setUpDefaultServer();
    sshd.setHost("127.0.0.1");
    sshd.setPort(0);
    sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKeys));
    sshd.setCommandFactory((channel, command) ->
        new ProcessShellFactory(command, "/bin/sh", "-c", command).createShell(channel));
    sshd.setPublickeyAuthenticator((user, key, session) -> {
      boolean ok = authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key));
      if (ok) {
        loggedInUsers.add(user);
      }
      return ok;
    });
    sshd.setPasswordAuthenticator((user, pass, session) -> {
      boolean ok = USER.equals(user) && pass.equals(password);
      if (ok) {
        loggedInUsers.add(user);
      }
      return ok;
    });
    sshd.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
    sshd.start();
  }

  static TestSshServer start(KeyPair... hostKeys) throws IOException {
    return new TestSshServer(List.of(hostKeys));
  }

  static TestSshServer start() throws Exception {
    return start(TestKeys.ed25519());
  }

  int port() {
    return sshd.getPort();
  }

  PublicKey hostKey() {
    return hostKeys.get(0).getPublic();
  }

  /** A known_hosts line for this server in the [127.0.0.1]:port form. */
  String knownHostsLine() {
    return knownHostsLine(hostKey());
  }

  String knownHostsLine(PublicKey key) {
    return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key);
  }

  @Override
  public void close() throws IOException {
    sshd.stop(true);
  }
}
