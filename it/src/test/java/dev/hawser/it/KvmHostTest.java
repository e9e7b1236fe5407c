package dev.hawser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.it.support.HawserRun;
import dev.hawser.it.support.Resources;
import dev.hawser.it.support.SshHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.utility.MountableFile;

/**
 * The flagship, unchanged: {@code hawser play playbooks/kvm-host.yml -i inventory/kvm-container.ini}
 * against a bare Debian 12 container on 127.0.0.1:2210 (the inventory's fixed port). Plan first
 * (--check on the bare host), then build the KVM host, then prove a second run and a --check run
 * change nothing. Guests run under TCG; libvirtd is started by the playbook's own no-systemd task.
 */
@TestMethodOrder(OrderAnnotation.class)
class KvmHostTest {
  static final int PORT = 2210;
  static final String HOST = "kvm1";
  static final long DISK_BYTES = 1L << 30;  // guest_disk_size: 1G in playbooks/group_vars/all.yml
  static final List<String> STACK = List.of("qemu-system-x86", "qemu-utils", "libvirt-daemon-system",
      "libvirt-clients", "virtinst", "bridge-utils");
  static final String BRIDGE_FILE = "# Written by Hawser (configure_bridge)\nauto br0\niface br0 inet dhcp\n"
      + "    bridge_ports none\n    bridge_stp off\n    bridge_fd 0\n";
  private static SshHost host;
  private static Path root;
  private static Path knownHosts;

  @BeforeAll
  static void start() throws Exception {
    root = Resources.repoRoot();
    host = SshHost.builder().name(HOST).aptCache()
        .customize(c -> c.setPortBindings(List.of("127.0.0.1:" + PORT + ":22"))).start();
    assertThat(host.port()).as("inventory/kvm-container.ini expects port %d", PORT).isEqualTo(PORT);
    // What the container lacks and a real host has: a qemu.conf fit for a container (pre-seeded,
    // kept by dpkg's --force-confold) and /dev/net/tun for the guest's tap on br0.
    host.execOk("mkdir", "-p", "/etc/libvirt", "/dev/net");
    host.container().copyFileToContainer(MountableFile.forClasspathResource("qemu.conf"), "/etc/libvirt/qemu.conf");
    host.execOk("sh", "-c", "[ -c /dev/net/tun ] || mknod -m 666 /dev/net/tun c 10 200");
    knownHosts = Files.createTempFile("kvm-known-hosts", "");
    Files.write(knownHosts, host.hostKeyLines());
  }

  @AfterAll
  static void stop() throws Exception {
    if (host != null) {
      host.stop();
    }
    if (knownHosts != null) {
      Files.deleteIfExists(knownHosts);
    }
  }

  @Test
  @Order(1)
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void checkOnTheBareHostPlansEverythingAndTouchesNothing() {
    HawserRun r = play("--check", "-v");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.recap(HOST).failed()).as(r.describe()).isZero();
    assertThat(r.status("libvirtd runs (started without a service manager)", HOST)).as(r.describe())
        .isEqualTo("skipping"); // a command: under --check it would only have run, as in Ansible
    for (String task : List.of("QEMU, libvirt and virt-install are installed",
        "Guests can join the host's network through a bridge",
        "Guest disks live in a storage pool", "The guest has a disk", "The guest is defined, running and autostarted")) {
      assertThat(r.status(task, HOST)).as(task + "\n" + r.describe()).isEqualTo("changed");
    }
    assertThat(r.section("Guest disks live in a storage pool")).contains("virsh not installed yet; will define the pool");
    assertThat(r.section("The guest has a disk")).contains("qemu-img not installed yet; will create");
    assertThat(r.section("The guest is defined, running and autostarted")).contains("virsh not installed yet");
    for (String pkg : STACK) {
      assertThat(host.exec("dpkg-query", "-W", "-f=${Status}", pkg).getStdout()).as(pkg).doesNotContain("ok installed");
    }
    assertThat(host.exec("sh", "-c", "command -v virsh || ls /var/lib/apt/lists/*Packages*").getExitCode())
        .as("no virsh, and no apt lists downloaded").isNotZero();
    assertThat(host.exec("test", "-e", "/etc/network/interfaces.d/br0").getExitCode()).isNotZero();
    assertThat(host.exec("ip", "link", "show", "br0").getExitCode()).isNotZero();
  }

  @Test
  @Order(2)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void firstRunTurnsTheBareHostIntoAKvmServer() {
    HawserRun r = play();
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.recap(HOST).failed()).isZero();
    assertThat(r.status("QEMU, libvirt and virt-install are installed", HOST)).isEqualTo("changed");

    assertThat(host.execOk("virsh", "list", "--all")).containsPattern("\\bdemo\\s+running");
    assertThat(host.execOk("virsh", "domstate", "demo").strip()).isEqualTo("running");
    assertThat(host.execOk("virsh", "dominfo", "demo")).containsPattern("Autostart:\\s+enable");
    String pool = host.execOk("virsh", "pool-info", "default");
    assertThat(pool).containsPattern("State:\\s+running").containsPattern("Autostart:\\s+yes");
    assertThat(host.execOk("virsh", "pool-dumpxml", "default")).contains("<path>/var/lib/libvirt/images</path>");
    String disk = host.execOk("qemu-img", "info", "-U", "--output=json", "/var/lib/libvirt/images/demo.qcow2");
    assertThat(disk).contains("\"format\": \"qcow2\"").contains("\"virtual-size\": " + DISK_BYTES + ",");
    assertThat(host.execOk("cat", "/etc/network/interfaces.d/br0")).isEqualTo(BRIDGE_FILE);
    assertThat(host.execOk("ip", "-d", "link", "show", "br0")).contains("bridge");
    assertThat(host.execOk("virsh", "domiflist", "demo")).containsPattern("bridge\\s+br0");
    assertThat(host.execOk("virsh", "dumpxml", "demo")).contains("type='qemu'");
    assertThat(host.exec("test", "-e", "/run/hawser-bridge-br0.pending").getExitCode())
        .as("the bridge change was confirmed, the rollback timer disarmed").isNotZero();
  }

  @Test
  @Order(3)
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void secondRunChangesNothing() {
    HawserRun r = play();
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.recap(HOST).changed()).as(r.describe()).isZero();
    assertThat(r.recap(HOST).failed()).isZero();
    for (String task : r.banners()) {
      assertThat(r.status(task, HOST)).as(task + "\n" + r.describe()).isIn("ok", "skipping");
    }
    assertThat(host.execOk("virsh", "domstate", "demo").strip()).isEqualTo("running");
  }

  @Test
  @Order(4)
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void checkOnTheKvmHostPlansNothing() {
    HawserRun r = play("--check");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.recap(HOST).changed()).as(r.describe()).isZero();
    assertThat(r.recap(HOST).failed()).isZero();
  }

  private static HawserRun play(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("play", root.resolve("playbooks/kvm-host.yml").toString(),
        "-i", root.resolve("inventory/kvm-container.ini").toString(),
        "--private-key", host.privateKey().toString(), "--known-hosts", knownHosts.toString()));
    args.addAll(List.of(extra));
    long t0 = System.nanoTime();
    HawserRun r = HawserRun.run(args.toArray(String[]::new));
    System.out.printf("KvmHostTest: play %s took %d s: %s%n", String.join(" ", extra),
        (System.nanoTime() - t0) / 1_000_000_000L, r.out().contains("PLAY RECAP") ? r.recapLine(HOST) : "no recap");
    return r;
  }
}
