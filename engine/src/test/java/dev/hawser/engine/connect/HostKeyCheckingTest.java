package dev.hawser.engine.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hawser.engine.connect.ConnectionSpec.HostKeyChecking;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyCheckingTest {
  @TempDir Path home;
  TestSshServer server;
  Path key;
  Path knownHosts;
  SshConnector connector;

  @BeforeEach
  void setUp() throws Exception {
    server = TestSshServer.start();
    KeyPair client = TestKeys.ed25519();
    server.authorizedKeys.add(client.getPublic());
    key = TestKeys.write(client, home.resolve("keys/id"), null);
    knownHosts = home.resolve(".ssh/known_hosts");
    connector = new SshConnector(SshOptions.forHome(home, Map.of(), PassphrasePrompt.NONE));
  }

  @AfterEach
  void tearDown() throws Exception {
    connector.close();
    server.close();
  }

  private ConnectionSpec spec(HostKeyChecking checking) {
    return new ConnectionSpec("h", "127.0.0.1", server.port(), "u", List.of(key), null, null, null, checking,
        null, Duration.ofSeconds(10));
  }

  private void assertConnects(HostKeyChecking checking) throws Exception {
    try (Connection c = connector.open(spec(checking))) {
      assertThat(c.exec("echo hi", null, Duration.ofSeconds(10)).stdout()).isEqualTo("hi\n");
    }
  }

  private void writeKnownHosts(String... lines) throws Exception {
    Files.createDirectories(knownHosts.getParent());
    Files.writeString(knownHosts, String.join("\n", lines) + "\n");
  }

  @Test
  void strictRejectsAnUnknownHostWithFingerprintAndHint() {
    String fingerprint = KeyUtils.getFingerPrint(server.hostKey());
    assertThatThrownBy(() -> connector.open(spec(HostKeyChecking.STRICT)))
        .isInstanceOf(UnreachableException.class)
        .hasMessage("host key for [127.0.0.1]:" + server.port() + " (ssh-ed25519 " + fingerprint + ") is not in "
            + knownHosts + "; add it (ssh-keyscan) or use --host-key-checking accept-new");
  }

  @Test
  void strictAcceptsPlainBracketedEntryAmongOthers() throws Exception {
    writeKnownHosts("# comment", "other.example ssh-ed25519 " + base64Key(TestKeys.ed25519()),
        "example.org,[127.0.0.1]:" + server.port() + " " + PublicKeyEntry.toString(server.hostKey()));
    assertConnects(HostKeyChecking.STRICT);
  }

  @Test
  void strictAcceptsHashedEntry() throws Exception {
    writeKnownHosts(hashed("[127.0.0.1]:" + server.port()) + " " + PublicKeyEntry.toString(server.hostKey()));
    assertConnects(HostKeyChecking.STRICT);
  }

  @Test
  void hashedEntryForAnotherHostDoesNotMatch() throws Exception {
    writeKnownHosts(hashed("[127.0.0.2]:" + server.port()) + " " + PublicKeyEntry.toString(server.hostKey()));
    assertThatThrownBy(() -> connector.open(spec(HostKeyChecking.STRICT))).hasMessageContaining("is not in");
  }

  @Test
  void changedKeyIsRejectedNamingFileAndLine() throws Exception {
    writeKnownHosts("# first line", server.knownHostsLine(TestKeys.ed25519().getPublic()));
    String hostPattern = "[127.0.0.1]:" + server.port();
    for (HostKeyChecking mode : List.of(HostKeyChecking.STRICT, HostKeyChecking.ACCEPT_NEW)) {
      assertThatThrownBy(() -> connector.open(spec(mode)))
          .isInstanceOf(UnreachableException.class)
          .hasMessage("HOST KEY FOR " + hostPattern + " HAS CHANGED (" + knownHosts + ":2 has ssh-ed25519); "
              + "possible man-in-the-middle; remove the old key with ssh-keygen -R " + hostPattern);
    }
  }

  @Test
  void revokedKeyIsRejected() throws Exception {
    writeKnownHosts("@revoked " + server.knownHostsLine(), server.knownHostsLine());
    assertThatThrownBy(() -> connector.open(spec(HostKeyChecking.STRICT)))
        .isInstanceOf(UnreachableException.class)
        .hasMessageContaining("is marked @revoked in " + knownHosts + ":1");
  }

  @Test
  void acceptNewCreatesPrivateFileAppendsAndThenAccepts() throws Exception {
    assertConnects(HostKeyChecking.ACCEPT_NEW);
    assertThat(Files.readString(knownHosts)).isEqualTo(server.knownHostsLine() + "\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts.getParent())))
        .isEqualTo("rwx------");
    assertConnects(HostKeyChecking.STRICT); // now known
    assertConnects(HostKeyChecking.ACCEPT_NEW);
    assertThat(Files.readAllLines(knownHosts)).hasSize(1);
  }

  @Test
  void parallelOpensWithAcceptNewRecordTheHostOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Connection>> opened = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        opened.add(pool.submit(() -> connector.open(spec(HostKeyChecking.ACCEPT_NEW))));
      }
      for (Future<Connection> f : opened) {
        f.get().close();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(Files.readAllLines(knownHosts)).containsExactly(server.knownHostsLine());
  }

  @Test
  void acceptNewAppendsAfterALastLineWithoutNewline() throws Exception {
    Files.createDirectories(knownHosts.getParent());
    Files.writeString(knownHosts, "other.example " + PublicKeyEntry.toString(TestKeys.ed25519().getPublic()));
    assertConnects(HostKeyChecking.ACCEPT_NEW);
    assertThat(Files.readAllLines(knownHosts)).hasSize(2).last().isEqualTo(server.knownHostsLine());
  }

  @Test
  void offAcceptsAnythingAndWritesNothing() throws Exception {
    writeKnownHosts(server.knownHostsLine(TestKeys.ed25519().getPublic()));
    assertConnects(HostKeyChecking.OFF);
    assertThat(Files.readAllLines(knownHosts)).hasSize(1);
  }

  @Test
  void knownHostsFromSpecOverridesDefault() throws Exception {
    Path custom = home.resolve("custom_known_hosts");
    Files.writeString(custom, server.knownHostsLine() + "\n");
    ConnectionSpec spec = new ConnectionSpec("h", "127.0.0.1", server.port(), "u", List.of(key), null, null, custom,
        HostKeyChecking.STRICT, null, Duration.ofSeconds(10));
    connector.open(spec).close();
  }

  @Test
  void knownKeyTypeIsNegotiatedFirstWhenServerHasSeveral() throws Exception {
    try (TestSshServer multi = TestSshServer.start(TestKeys.ecdsa(), TestKeys.ed25519())) {
      multi.authorizedKeys.addAll(server.authorizedKeys);
      // Only the ed25519 key is known: without reordering MINA would pick ECDSA and strict checking would fail.
      writeKnownHosts(multi.knownHostsLine(multi.hostKeys.get(1).getPublic()));
      ConnectionSpec spec = new ConnectionSpec("h", "127.0.0.1", multi.port(), "u", List.of(key), null, null, null,
          HostKeyChecking.STRICT, null, Duration.ofSeconds(10));
      connector.open(spec).close();
      writeKnownHosts(multi.knownHostsLine(multi.hostKeys.get(0).getPublic()));
      connector.open(spec).close();
    }
  }

  private static String base64Key(KeyPair kp) {
    String entry = PublicKeyEntry.toString(kp.getPublic());
    return entry.substring(entry.indexOf(' ') + 1);
  }

  /** OpenSSH's HashKnownHosts form: |1|base64(salt)|base64(HMAC-SHA1(salt, host)). */
  private static String hashed(String host) throws Exception {
    byte[] salt = new byte[20];
    new java.security.SecureRandom().nextBytes(salt);
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(salt, "HmacSHA1"));
    byte[] hash = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
    Base64.Encoder b64 = Base64.getEncoder();
    return "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(hash);
  }
}
