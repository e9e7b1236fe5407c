package dev.hawser.engine.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hawser.engine.connect.ConnectionSpec.HostKeyChecking;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyJumpTest {
  @TempDir Path home;
  TestSshServer bastion;
  TestSshServer target;
  Path knownHosts;

  @BeforeEach
  void setUp() throws Exception {
    bastion = TestSshServer.start();
    target = TestSshServer.start();
    KeyPair client = TestKeys.ed25519();
    bastion.authorizedKeys.add(client.getPublic());
    target.authorizedKeys.add(client.getPublic());
    TestKeys.write(client, home.resolve(".ssh/id_ed25519"), null); // default key, used for both hops
    knownHosts = home.resolve(".ssh/known_hosts");
  }

  @AfterEach
  void tearDown() throws Exception {
    bastion.close();
    target.close();
  }

  private ConnectionSpec spec(HostKeyChecking checking) {
    return new ConnectionSpec("t", "127.0.0.1", target.port(), "inner", null, null, null, null, checking,
        "jumper@127.0.0.1:" + bastion.port(), Duration.ofSeconds(10));
  }

  @Test
  void connectsThroughTheJumpHostVerifyingBothHostKeys() throws Exception {
    Files.writeString(knownHosts, bastion.knownHostsLine() + "\n" + target.knownHostsLine() + "\n");
    try (SshConnector connector = new SshConnector(SshOptions.forHome(home, Map.of(), PassphrasePrompt.NONE));
        Connection c = connector.open(spec(HostKeyChecking.STRICT))) {
      assertThat(c.exec("echo through", null, Duration.ofSeconds(10)).stdout()).isEqualTo("through\n");
    }
    assertThat(bastion.loggedInUsers).containsOnly("jumper");
    assertThat(target.loggedInUsers).containsOnly("inner");
  }

  @Test
  void unknownJumpHostKeyIsRejectedByName() throws Exception {
    Files.writeString(knownHosts, target.knownHostsLine() + "\n");
    try (SshConnector connector = new SshConnector(SshOptions.forHome(home, Map.of(), PassphrasePrompt.NONE))) {
      assertThatThrownBy(() -> connector.open(spec(HostKeyChecking.STRICT)))
          .isInstanceOf(UnreachableException.class)
          .hasMessageStartingWith("host key for [127.0.0.1]:" + bastion.port() + " (ssh-ed25519 SHA256:");
    }
  }

  @Test
  void acceptNewLearnsBothHops() throws Exception {
    try (SshConnector connector = new SshConnector(SshOptions.forHome(home, Map.of(), PassphrasePrompt.NONE))) {
      connector.open(spec(HostKeyChecking.ACCEPT_NEW)).close();
    }
    assertThat(Files.readAllLines(knownHosts)).containsExactly(bastion.knownHostsLine(), target.knownHostsLine());
  }
}
