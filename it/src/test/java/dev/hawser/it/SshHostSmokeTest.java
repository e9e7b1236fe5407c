package dev.hawser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.it.support.SshHost;
import dev.hawser.it.support.TestInventory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;

/** The test hosts themselves: sshd with key auth, deploy's sudo password, inventory files. */
class SshHostSmokeTest {
  private static final Duration T = Duration.ofSeconds(20);
  private static SshHost host;
  private static SshClient client;

  @BeforeAll
  static void start() {
    long t0 = System.nanoTime();
    host = SshHost.start();
    System.out.printf("SshHost %s started in %d ms%n", host, (System.nanoTime() - t0) / 1_000_000);
    client = SshClient.setUpDefaultClient();
    List<String> expected = host.hostKeyLines().stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
    client.setServerKeyVerifier((session, addr, key) -> expected.contains(PublicKeyEntry.toString(key)));
    client.start();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.stop();
    }
    if (host != null) {
      host.stop();
    }
  }

  private static KeyPair keyFromFile(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      var ids = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in, null);
      return ids.iterator().next();
    }
  }

  /** Runs cmd over SSH; returns "exit|stdout|stderr". */
  private static String ssh(String user, KeyPair key, String password, String cmd) throws Exception {
    try (ClientSession s = client.connect(user, host.host(), host.port()).verify(T).getSession()) {
      if (key != null) {
        s.addPublicKeyIdentity(key);
      }
      if (password != null) {
        s.addPasswordIdentity(password);
      }
      s.auth().verify(T);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      try (ChannelExec ch = s.createExecChannel(cmd)) {
        ch.setOut(out);
        ch.setErr(err);
        ch.open().verify(T);
        ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS), T);
        ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), T);
        return ch.getExitStatus() + "|" + out.toString(StandardCharsets.UTF_8).trim() + "|"
            + err.toString(StandardCharsets.UTF_8).trim();
      }
    }
  }

  @Test
  void rootLogsInWithTheGeneratedKeyFile() throws Exception {
    KeyPair key = keyFromFile(host.privateKey());
    assertThat(ssh("root", key, null, "id -un; . /etc/os-release; echo $VERSION_ID")).isEqualTo("0|root\n12|");
  }

  @Test
  void privateKeyFileIsValidForOpenSsh() {
    host.container().copyFileToContainer(
        org.testcontainers.utility.MountableFile.forHostPath(host.privateKey(), 0600), "/tmp/k");
    String pub = host.execOk("ssh-keygen", "-y", "-f", "/tmp/k").trim();
    assertThat(host.key().publicKeyLine()).startsWith(pub);
  }

  @Test
  void deploySudoNeedsThePassword() throws Exception {
    KeyPair key = host.key().keyPair();
    assertThat(ssh("deploy", key, null, "echo '" + SshHost.DEPLOY_PASSWORD + "' | sudo -S -k -p '' id -un"))
        .isEqualTo("0|root|");
    assertThat(ssh("deploy", key, null, "sudo -n true")).startsWith("1|");
    assertThat(ssh("deploy", key, null, "echo wrong | sudo -S -k -p '' true")).startsWith("1|");
  }

  @Test
  void deployLogsInWithPassword() throws Exception {
    assertThat(ssh("deploy", null, SshHost.DEPLOY_PASSWORD, "id -un")).isEqualTo("0|deploy|");
  }

  @Test
  void execRunsInTheContainer() {
    ExecResult r = host.exec("sh", "-c", "echo out; echo err >&2; exit 3");
    assertThat(r.getExitCode()).isEqualTo(3);
    assertThat(r.getStdout()).isEqualTo("out\n");
    assertThat(r.getStderr()).isEqualTo("err\n");
    assertThat(host.execAs("deploy", "id", "-un").getStdout()).isEqualTo("deploy\n");
  }

  @Test
  void inventoryAndKnownHosts() throws Exception {
    TestInventory inv = TestInventory.builder().group("web", host).user("deploy")
        .becomePassword(SshHost.DEPLOY_PASSWORD).write();
    try {
      List<String> lines = Files.readAllLines(inv.inventory());
      assertThat(lines).containsExactly("[web]", host.name() + " ansible_host=127.0.0.1 ansible_port=" + host.port()
          + " ansible_user=deploy ansible_ssh_private_key_file=" + host.privateKey().toAbsolutePath()
          + " ansible_become_password=deploy-pass");
      assertThat(Files.readAllLines(inv.knownHosts()))
          .contains("[127.0.0.1]:" + host.port() + " " + host.hostPublicKey())
          .containsExactlyInAnyOrderElementsOf(host.hostKeyLines());
      assertThat(host.hostKeyLine()).isEqualTo("[127.0.0.1]:" + host.port() + " " + host.hostPublicKey());
      assertThat(host.hostPublicKey()).startsWith("ssh-ed25519 AAAA");
      // MINA's own known_hosts verifier accepts the server with that file
      try (SshClient strict = SshClient.setUpDefaultClient()) {
        strict.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE,
            inv.knownHosts()));
        strict.start();
        try (ClientSession s = strict.connect("root", host.host(), host.port()).verify(T).getSession()) {
          s.addPublicKeyIdentity(host.key().keyPair());
          s.auth().verify(T);
        }
      }
    } finally {
      inv.delete();
    }
  }

  @Test
  void systemdHostBootsWithSshd() throws Exception {
    long t0 = System.nanoTime();
    try (SshHost sd = SshHost.builder().systemd().key(host.key()).aptCache().start()) {
      System.out.printf("systemd SshHost started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      String state = sd.exec("systemctl", "is-system-running", "--wait").getStdout().trim();
      assertThat(state).isIn("running", "degraded");
      assertThat(sd.execOk("systemctl", "is-active", "ssh").trim()).isEqualTo("active");
      // the apt cache bind mount is the host directory
      String marker = "hawser-smoke-" + ProcessHandle.current().pid();
      sd.execOk("touch", SshHost.APT_ARCHIVES + "/" + marker);
      Path onHost = SshHost.aptCacheDir().resolve(marker);
      assertThat(onHost).exists();
      Files.deleteIfExists(onHost);
      assertThat(sd.execOk("apt-config", "dump", "APT::Keep-Downloaded-Packages")).contains("\"true\"");
    }
  }
}
