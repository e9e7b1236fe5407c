package dev.hawser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.it.support.HawserRun;
import dev.hawser.it.support.Resources;
import dev.hawser.it.support.SshHost;
import dev.hawser.it.support.TestInventory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Failing and unreachable hosts, and invalid playbooks: what runs, what is printed, the exit code. */
class FailureTest {
  private static final String FAILING = Resources.playbook("failing.yml").toString();
  private static SshHost one;
  private static SshHost two;
  private static TestInventory both;
  private static TestInventory withGone;

  @BeforeAll
  static void start() {
    one = SshHost.builder().name("one").start();
    two = SshHost.builder().name("two").key(one.key()).start();
    SshHost gone = SshHost.builder().name("gone").key(one.key()).start();
    both = TestInventory.of(one, two);
    withGone = TestInventory.of(one, gone);
    gone.stop(); // its port is closed now: the inventory points at a host that went away
  }

  @AfterAll
  static void stop() {
    for (SshHost h : new SshHost[] {one, two}) {
      if (h != null) {
        h.stop();
      }
    }
  }

  @Test
  void aFailingHostDoesNotStopTheOthers() {
    HawserRun r = HawserRun.run(HawserRun.play(FAILING, both, "-e", "victim=one"));
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
    assertThat(r.section("Fails on the victim")).contains("fatal: [one]: FAILED!").contains("skipping: [two]");
    assertThat(r.status("After", "two")).isEqualTo("changed");
    assertThat(r.section("After")).doesNotContain("[one]");
    assertThat(one.execOk("cat", "/tmp/fail.log")).isEqualTo("before\n");
    assertThat(two.execOk("cat", "/tmp/fail.log")).isEqualTo("before\nafter\n");
    assertThat(r.recap("one").failed()).isEqualTo(1);
    assertThat(r.recap("two").failed()).isZero();
    assertThat(r.recap("two").changed()).isEqualTo(2);
  }

  @Test
  void anUnreachableHostIsReportedAndTheOthersGoOn() {
    HawserRun r = HawserRun.run(HawserRun.play(FAILING, withGone, "-e", "victim=nobody"));
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(4);
    assertThat(r.section("Before")).contains("fatal: [gone]: UNREACHABLE!").contains("changed: [one]");
    assertThat(r.recap("gone").unreachable()).isEqualTo(1);
    assertThat(r.recap("one").changed()).isEqualTo(2);
    assertThat(one.execOk("cat", "/tmp/fail.log")).isEqualTo("before\nafter\n");
  }

  @Test
  void aFailureWinsOverAnUnreachableHostInTheExitCode() {
    HawserRun r = HawserRun.run(HawserRun.play(FAILING, withGone, "-e", "victim=one"));
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
    assertThat(r.recap("gone").unreachable()).isEqualTo(1);
    assertThat(r.recap("one").failed()).isEqualTo(1);
  }

  @Test
  void aYamlSyntaxErrorExits5WithItsPositionBeforeAnyConnection() {
    assertInvalidBeforeConnecting(Resources.playbook("bad-yaml.yml"), ":6:6: invalid YAML");
  }

  @Test
  void anUnknownModuleParameterExits5WithItsPositionBeforeAnyConnection() {
    assertInvalidBeforeConnecting(Resources.playbook("bad-param.yml"),
        ":11:9: task 'A typo': copy: parameter 'contnet': unsupported parameter");
  }

  private static void assertInvalidBeforeConnecting(Path playbook, String message) {
    long logins = logins(one);
    HawserRun r = HawserRun.run(HawserRun.play(playbook, both));
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(5);
    assertThat(r.err()).startsWith("ERROR! ").contains(playbook + message);
    assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("PLAY [");
    assertThat(logins(one)).as("sshd logins on host one").isEqualTo(logins);
  }

  /** How many SSH logins sshd has logged so far (sshd -D -e logs to the container's stderr). */
  private static long logins(SshHost host) {
    return host.container().getLogs().lines().filter(l -> l.contains("Accepted publickey")).count();
  }
}
