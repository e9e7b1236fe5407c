package dev.hawser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.it.support.HawserRun;
import dev.hawser.it.support.Resources;
import dev.hawser.it.support.SharedHost;
import dev.hawser.it.support.SshHost;
import dev.hawser.it.support.SshKey;
import dev.hawser.it.support.TestInventory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SSH: key authentication, strict host-key checking (unknown and changed keys), accept-new, unreachable hosts. */
class ConnectionTest {
  private static final String PING = Resources.playbook("ping.yml").toString();
  @RegisterExtension
  static final SharedHost SHARED = new SharedHost();

  @Test
  void rootLogsInWithTheKeyFromTheInventory() {
    HawserRun r = HawserRun.run(HawserRun.play(PING, SHARED.inventory()));
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.status("The host answers", SHARED.host().name())).isEqualTo("ok");
    assertThat(r.section("Show it")).contains("\"msg\": \"user=root\"");
    assertThat(r.recap(SHARED.host().name()).ok()).isEqualTo(3);
  }

  @Test
  void anUnknownHostKeyMakesTheHostUnreachable() throws IOException {
    Path empty = Files.createTempFile(SHARED.inventory().dir(), "known_hosts_empty", "");
    HawserRun r = HawserRun.run("play", PING, "-i", SHARED.inventory().inventory().toString(), "--known-hosts", empty.toString());
    assertUnreachable(r, "is not in " + empty);
    assertThat(r.all()).contains("[127.0.0.1]:" + SHARED.host().port()).contains("accept-new");
    assertThat(Files.readString(empty)).as("strict checking must not write the file").isEmpty();
  }

  @Test
  void aChangedHostKeyMakesTheHostUnreachable() throws IOException {
    // the same host name and port, but another ed25519 key (as after a reinstall or an attack)
    String[] other = SshKey.generate().publicKeyLine().split(" ");
    Path changed = SHARED.inventory().dir().resolve("known_hosts_changed");
    Files.writeString(changed, "[127.0.0.1]:" + SHARED.host().port() + " " + other[0] + " " + other[1] + "\n");
    HawserRun r = HawserRun.run("play", PING, "-i", SHARED.inventory().inventory().toString(), "--known-hosts", changed.toString());
    assertUnreachable(r, "HOST KEY FOR [127.0.0.1]:" + SHARED.host().port() + " HAS CHANGED");
  }

  @Test
  void acceptNewWritesTheKeyToKnownHostsAndTheNextStrictRunUsesIt() throws IOException {
    Path fresh = SHARED.inventory().dir().resolve("known_hosts_fresh");
    HawserRun r = HawserRun.run("play", PING, "-i", SHARED.inventory().inventory().toString(), "--known-hosts", fresh.toString(),
        "--host-key-checking", "accept-new");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    List<String> written = Files.readAllLines(fresh);
    assertThat(written).isNotEmpty();
    assertThat(SHARED.host().hostKeyLines()).containsAll(written);

    HawserRun strict = HawserRun.run("play", PING, "-i", SHARED.inventory().inventory().toString(), "--known-hosts", fresh.toString());
    assertThat(strict.exitCode()).as(strict.describe()).isZero();
    assertThat(Files.readAllLines(fresh)).isEqualTo(written);
  }

  @Test
  void aClosedPortIsUnreachable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path closed = SHARED.inventory().dir().resolve("closed.ini");
    Files.writeString(closed, "nobody ansible_host=127.0.0.1 ansible_port=" + port + " ansible_user=root\n");
    HawserRun r = HawserRun.run("play", PING, "-i", closed.toString(), "--known-hosts", SHARED.inventory().knownHosts().toString());
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(4);
    assertThat(r.out()).contains("fatal: [nobody]: UNREACHABLE!").contains("127.0.0.1:" + port);
    assertThat(r.recap("nobody").unreachable()).isEqualTo(1);
  }

  private static void assertUnreachable(HawserRun r, String message) {
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(4);
    assertThat(r.out()).contains("fatal: [" + SHARED.host().name() + "]: UNREACHABLE!").contains(message);
    assertThat(r.recap(SHARED.host().name()).unreachable()).isEqualTo(1);
    assertThat(r.recap(SHARED.host().name()).ok()).isZero();
    assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
