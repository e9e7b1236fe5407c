package dev.hawser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.it.support.HawserRun;
import dev.hawser.it.support.Resources;
import dev.hawser.it.support.SshHost;
import dev.hawser.it.support.SshKey;
import dev.hawser.it.support.TestInventory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository's own examples: playbooks/basics.yml against inventory/containers.ini, whose hosts
 * web1, web2 and db1 are containers on the fixed loopback ports 2201-2203.
 */
class ContainersInventoryTest {
  private static final String[] NAMES = {"web1", "web2", "db1"};
  private static final int[] PORTS = {2201, 2202, 2203};
  private static final List<SshHost> HOSTS = new ArrayList<>();
  private static SshKey key;
  private static TestInventory known;

  @BeforeAll
  static void start() {
    for (int port : PORTS) {
      assertPortFree(port);
    }
    key = SshKey.generate();
    for (int i = 0; i < NAMES.length; i++) {
      String binding = "127.0.0.1:" + PORTS[i] + ":22";
      HOSTS.add(SshHost.builder().name(NAMES[i]).key(key)
          .customize(c -> c.setPortBindings(List.of(binding))).start());
    }
    known = TestInventory.builder().hosts(HOSTS.toArray(SshHost[]::new)).write(); // for its known_hosts
  }

  @AfterAll
  static void stop() {
    HOSTS.forEach(SshHost::stop);
    if (key != null) {
      known.delete();
    }
  }

  @Test
  void basicsChangesTheHostsOnceThenNothing() {
    String[] args = {"play", Resources.repo("playbooks/basics.yml").toString(),
        "-i", Resources.repo("inventory/containers.ini").toString(),
        "--private-key", key.privateKey().toString(), "--known-hosts", known.knownHosts().toString()};
    HawserRun first = HawserRun.run(args);
    assertThat(first.exitCode()).as(first.describe()).isZero();
    for (SshHost h : HOSTS) {
      assertThat(h.port()).isEqualTo(PORTS[HOSTS.indexOf(h)]);
      assertThat(first.recap(h.name()).changed()).as(first.out()).isPositive();
      assertThat(first.recap(h.name()).failed()).isZero();
      assertThat(first.status("Reload app", h.name())).isEqualTo("changed");
    }

    HawserRun second = HawserRun.run(args);
    assertThat(second.exitCode()).as(second.describe()).isZero();
    for (SshHost h : HOSTS) {
      assertThat(second.recap(h.name()).changed()).as(second.out()).isZero();
      assertThat(second.recap(h.name()).ok()).isEqualTo(first.recap(h.name()).ok() - 1); // no handler
      assertThat(h.execOk("cat", "/srv/app/app.conf")).isEqualTo("greeting=Hello from " + h.name() + "\n");
      assertThat(h.execOk("cat", "/srv/app/runtime.conf")).isEqualTo("port=8080\n");
      assertThat(h.execOk("head", "-1", "/etc/motd")).isEqualTo("Welcome to " + h.name() + ".\n");
      assertThat(h.execOk("stat", "-c", "%a %U", "/srv/app")).isEqualTo("750 app\n");
      assertThat(h.execOk("ls", "/srv/app")).contains("alpha", "beta", "reloaded");
    }
  }

  private static void assertPortFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      s.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError("port " + port + " on 127.0.0.1 is in use; inventory/containers.ini needs it"
          + " (docker ps --filter label=" + SshHost.LABEL + " shows leftover test hosts)", e);
    }
  }
}
