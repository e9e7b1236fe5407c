package dev.hawser.engine.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hawser.engine.connect.ConnectionSpec.HostKeyChecking;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshAuthTest {
  @TempDir Path home;
  TestSshServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = TestSshServer.start();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  private ConnectionSpec spec(String user, List<Path> keys, String password, String passphrase) {
    return new ConnectionSpec("h", "127.0.0.1", server.port(), user, keys, password, passphrase, null,
        HostKeyChecking.OFF, null, Duration.ofSeconds(10));
  }

  private SshConnector connector(Map<String, String> env, PassphrasePrompt prompt) {
    return new SshConnector(SshOptions.forHome(home, env, prompt));
  }

  private static String whoami(Connection c) throws Exception {
    return c.exec("echo ok", null, Duration.ofSeconds(10)).stdout().strip();
  }

  @Test
  void ed25519AndRsaKeysAuthenticate() throws Exception {
    KeyPair ed = TestKeys.ed25519();
    KeyPair rsa = TestKeys.rsa();
    server.authorizedKeys.add(ed.getPublic());
    server.authorizedKeys.add(rsa.getPublic());
    Path edFile = TestKeys.write(ed, home.resolve("keys/id_ed25519"), null);
    Path rsaFile = TestKeys.write(rsa, home.resolve("keys/id_rsa"), null);
    try (SshConnector connector = connector(Map.of(), PassphrasePrompt.NONE)) {
      try (Connection c = connector.open(spec("alice", List.of(edFile), null, null))) {
        assertThat(whoami(c)).isEqualTo("ok");
        assertThat(c.describe()).isEqualTo("ssh alice@127.0.0.1:" + server.port());
      }
      try (Connection c = connector.open(spec("bob", List.of(rsaFile), null, null))) {
        assertThat(whoami(c)).isEqualTo("ok");
      }
    }
    assertThat(server.loggedInUsers).containsOnly("alice", "bob");
  }

  @Test
  void defaultKeyInHomeIsUsedWhenNoneIsGiven() throws Exception {
    KeyPair ed = TestKeys.ed25519();
    server.authorizedKeys.add(ed.getPublic());
    TestKeys.write(ed, home.resolve(".ssh/id_ed25519"), null);
    try (SshConnector connector = connector(Map.of(), PassphrasePrompt.NONE);
        Connection c = connector.open(spec("carol", null, null, null))) {
      assertThat(whoami(c)).isEqualTo("ok");
    }
  }

  @Test
  void wrongKeyIsUnreachableWithOneLineMessage() throws Exception {
    server.authorizedKeys.add(TestKeys.ed25519().getPublic());
    Path other = TestKeys.write(TestKeys.ed25519(), home.resolve("keys/other"), null);
    try (SshConnector connector = connector(Map.of(), PassphrasePrompt.NONE)) {
      assertThatThrownBy(() -> connector.open(spec("dave", List.of(other), null, null)))
          .isInstanceOf(UnreachableException.class)
          .hasMessage("authentication failed for dave@127.0.0.1:" + server.port() + " (tried publickey)");
    }
  }

  @Test
  void passwordAuthentication() throws Exception {
    server.password = "s3cret!";
    try (SshConnector connector = connector(Map.of(), PassphrasePrompt.NONE)) {
      try (Connection c = connector.open(spec(TestSshServer.USER, List.of(), "s3cret!", null))) {
        assertThat(whoami(c)).isEqualTo("ok");
      }
      assertThatThrownBy(() -> connector.open(spec(TestSshServer.USER, List.of(), "wrong-pass", null)))
          .isInstanceOf(UnreachableException.class)
          .hasMessageContaining("authentication failed for tester@127.0.0.1")
          .hasMessageContaining("password")
          .message().doesNotContain("wrong-pass");
    }
  }

  @Test
  void encryptedKeyWithPassphraseFromEnvironment() throws Exception {
    KeyPair ed = TestKeys.ed25519();
    server.authorizedKeys.add(ed.getPublic());
    Path key = TestKeys.write(ed, home.resolve("keys/enc"), "env-pass");
    Map<String, String> env = Map.of(SshOptions.PASSPHRASE_ENV, "env-pass");
    try (SshConnector connector = connector(env, PassphrasePrompt.NONE);
        Connection c = connector.open(spec("erin", List.of(key), null, null))) {
      assertThat(whoami(c)).isEqualTo("ok");
    }
  }

  @Test
  void encryptedKeyWithPassphraseFromPromptAskedOncePerKey() throws Exception {
    KeyPair ed = TestKeys.ed25519();
    server.authorizedKeys.add(ed.getPublic());
    Path key = TestKeys.write(ed, home.resolve("keys/enc"), "typed");
    AtomicInteger asked = new AtomicInteger();
    PassphrasePrompt prompt = file -> {
      asked.incrementAndGet();
      return file.equals(key.toAbsolutePath().normalize()) ? "typed" : null;
    };
    try (SshConnector connector = connector(Map.of(), prompt)) {
      connector.open(spec("fay", List.of(key), null, null)).close();
      connector.open(spec("fay", List.of(key), null, null)).close();
    }
    assertThat(asked).hasValue(1);
  }

  @Test
  void wrongOrMissingPassphraseNamesTheKeyFile() throws Exception {
    Path key = TestKeys.write(TestKeys.ed25519(), home.resolve("keys/enc"), "right");
    try (SshConnector connector = connector(Map.of(), file -> "wrong")) {
      assertThatThrownBy(() -> connector.open(spec("gus", List.of(key), null, null)))
          .isInstanceOf(UnreachableException.class)
          .hasMessage("wrong passphrase for key " + key.toAbsolutePath().normalize());
    }
    try (SshConnector connector = connector(Map.of(), PassphrasePrompt.NONE)) {
      assertThatThrownBy(() -> connector.open(spec("gus", List.of(key), null, null)))
          .isInstanceOf(UnreachableException.class)
          .hasMessageStartingWith("key " + key.toAbsolutePath().normalize() + " is encrypted")
          .hasMessageContaining(SshOptions.PASSPHRASE_ENV);
    }
  }

  @Test
  void specPassphraseWinsOverEnvironment() throws Exception {
    KeyPair ed = TestKeys.ed25519();
    server.authorizedKeys.add(ed.getPublic());
    Path key = TestKeys.write(ed, home.resolve("keys/enc"), "from-spec");
    Map<String, String> env = Map.of(SshOptions.PASSPHRASE_ENV, "from-env");
    try (SshConnector connector = connector(env, PassphrasePrompt.NONE);
        Connection c = connector.open(spec("hal", List.of(key), null, "from-spec"))) {
      assertThat(whoami(c)).isEqualTo("ok");
    }
  }

  @Test
  void pemRsaAndOpenSshEcdsaKeysAuthenticate() throws Exception {
    KeyPair rsa = TestKeys.rsa();
    KeyPair ec = TestKeys.ecdsa();
    server.authorizedKeys.add(rsa.getPublic());
    server.authorizedKeys.add(ec.getPublic());
    Path pem = home.resolve("keys/legacy.pem");
    Files.createDirectories(pem.getParent());
    try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(pem))) {
      writer.writeObject(rsa.getPrivate()); // "BEGIN RSA PRIVATE KEY", as old ssh-keygen wrote
    }
    assertThat(Files.readString(pem)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    Path ecFile = TestKeys.write(ec, home.resolve("keys/ec"), null);
    try (SshConnector connector = connector(Map.of(), PassphrasePrompt.NONE)) {
      connector.open(spec("pem", List.of(pem), null, null)).close();
      connector.open(spec("ec", List.of(ecFile), null, null)).close();
    }
    assertThat(server.loggedInUsers).containsOnly("pem", "ec");
  }

  @Test
  void serverThatNeverSpeaksSshTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SshConnector connector = connector(Map.of(), PassphrasePrompt.NONE)) {
      ConnectionSpec spec = new ConnectionSpec("h", "127.0.0.1", silent.getLocalPort(), "x", List.of(), "p", null,
          null, HostKeyChecking.OFF, null, Duration.ofMillis(800));
      assertThatThrownBy(() -> connector.open(spec))
          .isInstanceOf(UnreachableException.class)
          .hasMessage("timed out after 1s connecting to 127.0.0.1:" + silent.getLocalPort());
    }
  }

  @Test
  void missingExplicitKeyFileIsNamed() {
    Path missing = home.resolve("keys/nope");
    try (SshConnector connector = connector(Map.of(), PassphrasePrompt.NONE)) {
      assertThatThrownBy(() -> connector.open(spec("x", List.of(missing), null, null)))
          .isInstanceOf(UnreachableException.class)
          .hasMessage("identity file " + missing + " not found");
    }
  }

  @Test
  void refusedAndUnresolvableHostsAreOneLine() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (SshConnector connector = connector(Map.of(), PassphrasePrompt.NONE)) {
      ConnectionSpec refused = new ConnectionSpec("h", "127.0.0.1", closedPort, "x", List.of(), "p", null, null,
          HostKeyChecking.OFF, null, Duration.ofSeconds(5));
      assertThatThrownBy(() -> connector.open(refused))
          .isInstanceOf(UnreachableException.class)
          .hasMessage("connection refused (127.0.0.1:" + closedPort + ")");
      ConnectionSpec unknown = new ConnectionSpec("h", "no-such-host.invalid", 22, "x", List.of(), "p", null, null,
          HostKeyChecking.OFF, null, Duration.ofSeconds(5));
      assertThatThrownBy(() -> connector.open(unknown))
          .isInstanceOf(UnreachableException.class)
          .hasMessage("could not resolve host no-such-host.invalid");
    }
  }
}
