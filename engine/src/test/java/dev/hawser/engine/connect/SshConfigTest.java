package dev.hawser.engine.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.engine.connect.ConnectionSpec.HostKeyChecking;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigTest {
  @TempDir Path home;

  private Path write(String relative, String... lines) throws Exception {
    Path file = home.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  @Test
  void firstValueWinsMatchIsSkippedIncludeIsHonoured() throws Exception {
    write(".ssh/conf.d/10-web.conf",
        "Host web1 !web2",
        "  HostName 10.0.0.5",
        "  Port=2222",
        "  IdentityFile ~/keys/web",
        "  IdentityFile \"%d/keys/with space\"");
    Path config = write(".ssh/config",
        "Include conf.d/*.conf missing.conf /nonexistent/dir/*.conf",
        "Match host web1 exec \"false\"",
        "  User from-match",
        "  Port 1",
        "Host web*",
        "  User deploy",
        "  Port 3333",
        "  StrictHostKeyChecking accept-new",
        "  UserKnownHostsFile ~/kh",
        "  ProxyJump bastion",
        "Host *",
        "  User everyone",
        "  IdentityFile ~/.ssh/id_all");
    SshConfig cfg = SshConfig.load(config, home);

    HostSettings web1 = cfg.settingsFor("web1");
    assertThat(web1.hostName()).isEqualTo("10.0.0.5");
    assertThat(web1.port()).isEqualTo(2222);
    assertThat(web1.user()).isEqualTo("deploy");
    assertThat(web1.identityFiles()).containsExactly(
        home.resolve("keys/web"), home.resolve("keys/with space"), home.resolve(".ssh/id_all"));
    assertThat(web1.strictHostKeyChecking()).isEqualTo(HostKeyChecking.ACCEPT_NEW);
    assertThat(web1.userKnownHostsFile()).isEqualTo(home.resolve("kh"));
    assertThat(web1.proxyJump()).isEqualTo("bastion");

    HostSettings web2 = cfg.settingsFor("web2"); // negated in the included block
    assertThat(web2.hostName()).isNull();
    assertThat(web2.port()).isEqualTo(3333);

    HostSettings db = cfg.settingsFor("db");
    assertThat(db.user()).isEqualTo("everyone");
    assertThat(db.port()).isNull();
    assertThat(db.strictHostKeyChecking()).isNull();
  }

  @Test
  void missingConfigIsEmpty() {
    HostSettings s = SshConfig.load(home.resolve("nope"), home).settingsFor("x");
    assertThat(s.hostName()).isNull();
    assertThat(s.identityFiles()).isEmpty();
  }

  @Test
  void hostPatterns() {
    assertThat(HostPatterns.matches("web1.example.com", List.of("*.example.com"))).isTrue();
    assertThat(HostPatterns.matches("web1", List.of("web?"))).isTrue();
    assertThat(HostPatterns.matches("web10", List.of("web?"))).isFalse();
    assertThat(HostPatterns.matches("WEB1", List.of("web1"))).isTrue();
    assertThat(HostPatterns.matches("web1", List.of("!web1", "*"))).isFalse();
    assertThat(HostPatterns.matches("web1", List.of("!web2"))).isFalse();
  }

  @Test
  void connectorUsesConfigForHostNamePortUserAndKey() throws Exception {
    try (TestSshServer server = TestSshServer.start()) {
      KeyPair client = TestKeys.ed25519();
      server.authorizedKeys.add(client.getPublic());
      TestKeys.write(client, home.resolve("keys/app"), null);
      write(".ssh/app.conf",
          "Host app",
          "  HostName 127.0.0.1",
          "  Port " + server.port(),
          "  User deployer",
          "  IdentityFile ~/keys/app",
          "  StrictHostKeyChecking no");
      write(".ssh/config",
          "Match all",
          "  User wrong",
          "Host app",
          "  Include app.conf");
      SshConnector connector = new SshConnector(SshOptions.forHome(home, Map.of(), PassphrasePrompt.NONE));
      ConnectionSpec spec = new ConnectionSpec("app", null, null, null, null, null, null, null, null, null,
          Duration.ofSeconds(10));
      try (connector; Connection c = connector.open(spec)) {
        assertThat(c.describe()).isEqualTo("ssh deployer@127.0.0.1:" + server.port());
        assertThat(c.exec("echo yes", null, Duration.ofSeconds(10)).stdout()).isEqualTo("yes\n");
      }
      assertThat(server.loggedInUsers).contains("deployer").doesNotContain("wrong");
    }
  }
}
