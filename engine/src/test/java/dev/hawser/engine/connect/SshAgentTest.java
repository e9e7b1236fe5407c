package dev.hawser.engine.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.engine.connect.ConnectionSpec.HostKeyChecking;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshAgentTest {
  @TempDir Path home;

  private ConnectionSpec spec(TestSshServer server, String user, String password) {
    return new ConnectionSpec("h", "127.0.0.1", server.port(), user, List.of(), password, null, null,
        HostKeyChecking.OFF, null, Duration.ofSeconds(10));
  }

  @Test
  void authenticatesWithAKeyHeldOnlyByTheAgent() throws Exception {
    KeyPair key = TestKeys.ed25519();
    try (TestSshServer server = TestSshServer.start();
        FakeSshAgent agent = new FakeSshAgent(home.resolve("agent.sock"), key)) {
      server.authorizedKeys.add(key.getPublic());
      Map<String, String> env = Map.of(SshOptions.AUTH_SOCK_ENV, agent.socket.toString());
      try (SshConnector connector = new SshConnector(SshOptions.forHome(home, env, PassphrasePrompt.NONE));
          Connection c = connector.open(spec(server, "agentuser", null))) {
        assertThat(c.exec("echo via-agent", null, Duration.ofSeconds(10)).stdout()).isEqualTo("via-agent\n");
      }
      assertThat(server.loggedInUsers).containsOnly("agentuser");
      assertThat(agent.requests.get()).isGreaterThanOrEqualTo(2); // list identities, then sign
    }
  }

  @Test
  void aDeadAgentSocketDoesNotBlockOtherMethods() throws Exception {
    try (TestSshServer server = TestSshServer.start()) {
      server.password = "pw";
      Map<String, String> env = Map.of(SshOptions.AUTH_SOCK_ENV, home.resolve("no-agent.sock").toString());
      try (SshConnector connector = new SshConnector(SshOptions.forHome(home, env, PassphrasePrompt.NONE));
          Connection c = connector.open(spec(server, TestSshServer.USER, "pw"))) {
        assertThat(c.exec("echo fine", null, Duration.ofSeconds(10)).stdout()).isEqualTo("fine\n");
      }
    }
  }
}
