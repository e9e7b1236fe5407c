package dev.hawser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.it.support.HawserRun;
import dev.hawser.it.support.Resources;
import dev.hawser.it.support.SshHost;
import dev.hawser.it.support.TestInventory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * configure_bridge's safety net on a real host (ifupdown + bridge-utils in a container, eth0
 * configured in /etc/network/interfaces as on a real server): a bridge config that takes eth0 and
 * flushes its address truly cuts SSH on the mapped port. The task must fail with "host unreachable
 * after change", and the timer armed on the host must restore the previous file and network by
 * itself, so the host answers over SSH again with the old bridge in place.
 */
class BridgeRollbackTest {
  static final int ROLLBACK_SECONDS = 15;  // rollback_timeout in playbooks/bridge-rollback/*.yml
  private static SshHost host;
  private static TestInventory inv;

  @BeforeAll
  static void start() {
    host = SshHost.builder().aptCache().start();
    inv = TestInventory.of(host);
    long t0 = System.nanoTime();
    host.execOk("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
        + "--no-install-recommends ifupdown bridge-utils >/dev/null");
    System.out.printf("BridgeRollbackTest: ifupdown installed in %d s%n", (System.nanoTime() - t0) / 1_000_000_000L);
    // eth0 as ifupdown knows it on a real server, so `ifup -a` can bring it back.
    Matcher addr = Pattern.compile("inet (\\S+)").matcher(host.execOk("ip", "-4", "-o", "addr", "show", "dev", "eth0"));
    Matcher gw = Pattern.compile("default via (\\S+)").matcher(host.execOk("ip", "route", "show", "default"));
    assertThat(addr.find() && gw.find()).as("eth0 has an address and a default route").isTrue();
    host.execOk("sh", "-c", "printf '%s\\n' 'source /etc/network/interfaces.d/*' 'auto lo' 'iface lo inet loopback' "
        + "'auto eth0' 'iface eth0 inet static' '    address " + addr.group(1) + "' '    gateway " + gw.group(1)
        + "' > /etc/network/interfaces");
  }

  @AfterAll
  static void stop() {
    if (host != null) {
      host.stop();
    }
    if (inv != null) {
      inv.delete();
    }
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void aBridgeThatCutsSshIsRolledBackByTheHost() throws Exception {
    HawserRun ok = HawserRun.run(HawserRun.play(Resources.playbook("bridge-rollback/bridge-ok.yml"), inv));
    assertThat(ok.exitCode()).as(ok.describe()).isZero();
    assertThat(ok.status("A bridge without ports", host.name())).isEqualTo("changed");
    String before = host.execOk("cat", "/etc/network/interfaces.d/br0");
    assertThat(before).contains("iface br0 inet manual").contains("bridge_ports none");
    assertThat(host.execOk("ip", "-d", "link", "show", "br0")).contains("bridge");

    long t0 = System.nanoTime();
    CompletableFuture<HawserRun> running = CompletableFuture.supplyAsync(
        () -> HawserRun.run(HawserRun.play(Resources.playbook("bridge-rollback/bridge-cut.yml"), inv, "-v")));
    Thread.sleep(6000);  // the change is applied within a second or two; the timer fires at 15 s
    assertThat(sshBanner()).as("sshd is cut off while the new bridge config is live").isNull();
    HawserRun cut = running.get(3, TimeUnit.MINUTES);
    long cutSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
    System.out.printf("BridgeRollbackTest: the cutting run returned after %d s: %s%n", cutSeconds,
        cut.out().contains("PLAY RECAP") ? cut.recapLine(host.name()) : "no recap");
    assertThat(cut.exitCode()).as(cut.describe()).isEqualTo(2);
    assertThat(cut.status("A bridge that takes eth0 and its address", host.name())).as(cut.describe()).isEqualTo("fatal");
    assertThat(cut.section("A bridge that takes eth0 and its address")).containsAnyOf("host unreachable after change", "the rollback timer fired first");

    // The host restored itself: the timer claimed the marker, put the old file back and re-applied it.
    waitUntilRolledBack();
    assertThat(host.execOk("cat", "/etc/network/interfaces.d/br0")).isEqualTo(before);
    assertThat(host.exec("sh", "-c", "ls -d /run/hawser-bridge-br0.pending /run/hawser-bridge-br0.backup "
        + "/run/hawser-bridge-br0.rolling-back").getExitCode()).as("no marker, backup or claim left").isEqualTo(2);
    assertThat(host.execOk("ip", "-4", "-o", "addr", "show", "dev", "eth0")).contains("inet ");
    assertThat(host.exec("sh", "-c", "ls /sys/class/net/br0/brif/").getStdout()).doesNotContain("eth0");

    // And it answers over SSH again, with the previous bridge live: nothing to change.
    assertThat(sshBanner()).isEqualTo("SSH-");
    HawserRun again = HawserRun.run(HawserRun.play(Resources.playbook("bridge-rollback/bridge-ok.yml"), inv, "--check"));
    assertThat(again.exitCode()).as(again.describe()).isZero();
    assertThat(again.recap(host.name()).changed()).as(again.describe()).isZero();
  }

  /** The first bytes sshd sends on the mapped port ("SSH-2.0-..."), or null when nothing answers in 3 s. */
  private static String sshBanner() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host.host(), host.port()), 3000);
      socket.setSoTimeout(3000);
      byte[] buf = new byte[4];
      int n = socket.getInputStream().read(buf);
      return n <= 0 ? null : new String(buf, 0, n, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return null;
    }
  }

  /** The rollback script runs detached on the host; it ends by removing its claim on the marker. */
  private static void waitUntilRolledBack() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ROLLBACK_SECONDS + 30);
    while (System.nanoTime() < deadline) {
      if (host.exec("sh", "-c", "[ -e /run/hawser-bridge-br0.pending ] || [ -e /run/hawser-bridge-br0.rolling-back ]")
          .getExitCode() != 0) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the rollback did not finish within " + (ROLLBACK_SECONDS + 30) + " s:\n"
        + host.exec("sh", "-c", "ls -la /run/; ip -br addr; cat /etc/network/interfaces.d/br0").getStdout());
  }
}
