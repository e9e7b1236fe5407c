package dev.hawser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.it.support.HawserRun;
import dev.hawser.it.support.Resources;
import dev.hawser.it.support.SshHost;
import dev.hawser.it.support.TestInventory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** become: sudo as the non-root user deploy, whose sudo asks for a password. */
class BecomeTest {
  private static final String BOOK = Resources.playbook("become.yml").toString();
  private static final String FILE = "/root/it-become.txt";
  private static SshHost host;
  private static TestInventory withPassword;
  private static TestInventory withoutPassword;

  @BeforeAll
  static void start() {
    host = SshHost.start();
    withPassword = TestInventory.builder().hosts(host).user(SshHost.DEPLOY_USER)
        .becomePassword(SshHost.DEPLOY_PASSWORD).write();
    withoutPassword = TestInventory.builder().hosts(host).user(SshHost.DEPLOY_USER).write();
  }

  @AfterAll
  static void stop() {
    if (host != null) {
      host.stop();
    }
  }

  @BeforeEach
  void removeTheFile() {
    host.execOk("rm", "-f", FILE);
  }

  @Test
  void becomePasswordFromTheInventory() {
    HawserRun r = HawserRun.run(HawserRun.play(BOOK, withPassword));
    assertBecameRoot(r);
    HawserRun again = HawserRun.run(HawserRun.play(BOOK, withPassword));
    assertThat(again.exitCode()).as(again.describe()).isZero();
    assertThat(again.recap(host.name()).changed()).isZero();
  }

  @Test
  void becomePasswordFromStdinWithAskBecomePass() {
    HawserRun r = HawserRun.runWithStdin(SshHost.DEPLOY_PASSWORD + "\n", HawserRun.play(BOOK, withoutPassword, "-K"));
    assertBecameRoot(r);
  }

  @Test
  void aWrongPasswordFailsTheHostAndChangesNothing() {
    HawserRun r = HawserRun.runWithStdin("not-the-password\n", HawserRun.play(BOOK, withoutPassword, "-K"));
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
    assertThat(r.status("Plain user", host.name())).isEqualTo("ok");
    assertThat(r.status("Root through sudo", host.name())).isEqualTo("fatal");
    assertThat(r.status("A root-only file", host.name())).isNull();
    assertThat(host.exec("test", "-e", FILE).getExitCode()).isEqualTo(1);
    assertThat(r.all()).doesNotContain("not-the-password");
  }

  @Test
  void noPasswordAtAllSaysHowToGiveOne() {
    HawserRun r = HawserRun.run(HawserRun.play(BOOK, withoutPassword));
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
    assertThat(r.section("Root through sudo")).contains("fatal: [" + host.name() + "]").contains("-K");
    assertThat(host.exec("test", "-e", FILE).getExitCode()).isEqualTo(1);
  }

  @Test
  void becomeMethodSuWithTheRootPassword() {
    host.execOk("sh", "-c", "echo 'root:root-pass' | chpasswd");
    TestInventory withSu = TestInventory.builder().hosts(host).user(SshHost.DEPLOY_USER).becomePassword("root-pass")
        .hostVar(host, "ansible_become_method", "su").write();
    HawserRun r = HawserRun.run(HawserRun.play(BOOK, withSu));
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.section("Show who ran")).contains("\"msg\": \"deploy->root\"");
    assertThat(host.execOk("stat", "-c", "%U %a", FILE)).isEqualTo("root 600\n");
    assertThat(host.execOk("cat", FILE)).isEqualTo("written by root\n");
    assertThat(r.all()).doesNotContain("root-pass").doesNotContain("Password:");
  }

  private static void assertBecameRoot(HawserRun r) {
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.section("Show who ran")).contains("\"msg\": \"deploy->root\"");
    assertThat(r.status("A root-only file", host.name())).isEqualTo("changed");
    assertThat(host.execOk("stat", "-c", "%U %a", FILE)).isEqualTo("root 600\n");
    assertThat(host.execOk("cat", FILE)).isEqualTo("written by root\n");
    assertThat(r.all()).doesNotContain(SshHost.DEPLOY_PASSWORD);
  }
}
