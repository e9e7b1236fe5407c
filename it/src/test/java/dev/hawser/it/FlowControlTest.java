package dev.hawser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.it.support.HawserRun;
import dev.hawser.it.support.Resources;
import dev.hawser.it.support.SshHost;
import dev.hawser.it.support.TestInventory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One verbose run of flow.yml; each test checks one feature in its output and on the host. */
class FlowControlTest {
  private static final String SECRET = "hunter2-s3cr3t";
  private static SshHost host;
  private static HawserRun run;
  private static String h;

  @BeforeAll
  static void runOnce() {
    host = SshHost.start();
    h = host.name();
    TestInventory inv = TestInventory.of(host);
    run = HawserRun.run(HawserRun.play(Resources.playbook("flow.yml"), inv, "-v"));
  }

  @AfterAll
  static void stop() {
    if (host != null) {
      host.stop();
    }
  }

  @Test
  void theRunSucceedsWithIgnoredFailuresCounted() {
    assertThat(run.exitCode()).as(run.describe()).isZero();
    HawserRun.Recap recap = run.recap(h);
    assertThat(recap.failed()).isZero();
    assertThat(recap.ignored()).isEqualTo(3);
    assertThat(recap.skipped()).isEqualTo(1);
  }

  @Test
  void loopsWithItemsAndLoopVar() {
    assertThat(file("loop.txt")).isEqualTo("a\nb\nc\n");
    assertThat(file("with_items.txt")).isEqualTo("x\ny\n");
    assertThat(file("fruit.txt")).isEqualTo("apple\npear\n");
    assertThat(run.section("loop_var")).contains("changed: [" + h + "] => (item=apple)")
        .contains("\"fruit\": \"pear\"").contains("\"ansible_loop_var\": \"fruit\"");
    assertThat(run.status("Loop results are registered", h)).isEqualTo("ok");
  }

  @Test
  void whenUsesRegisteredRcStdoutAndChanged() {
    assertThat(file("when.txt")).isEqualTo("rc=0 out=" + host.execOk("hostname").strip() + " changed=False\n");
    assertThat(run.status("Runs when the registered values say so", h)).isEqualTo("changed");
    assertThat(run.status("Skipped by when", h)).isEqualTo("skipping");
    assertThat(host.exec("test", "-e", "/tmp/flow/skipped").getExitCode()).isEqualTo(1);
  }

  @Test
  void changedWhenAndFailedWhen() {
    assertThat(run.status("changed_when false", h)).isEqualTo("ok");
    assertThat(host.exec("test", "-e", "/tmp/flow/quiet").getExitCode()).as("the task still ran").isZero();
    assertThat(run.status("failed_when accepts an exit code", h)).isEqualTo("changed");
    assertThat(run.section("failed_when fails a success")).contains("fatal: [" + h + "]: FAILED!")
        .contains("...ignoring");
  }

  @Test
  void ignoreErrorsGoesOnAndRegistersTheFailure() {
    assertThat(run.section("An ignored failure")).contains("fatal: [" + h + "]: FAILED!").contains("...ignoring");
    assertThat(run.status("After the ignored failure", h)).isEqualTo("changed");
    assertThat(file("after.txt")).isEqualTo("rc=1 failed=True\n");
  }

  @Test
  void noLogHidesTheSecretEvenVerbose() {
    assertThat(file("secret.txt")).as("the tasks ran").isEqualTo(SECRET + "\n" + SECRET + "\n");
    assertThat(run.all()).doesNotContain(SECRET).doesNotContain("hunter2");
    assertThat(run.section("A secret")).contains("censored");
    assertThat(run.section("A failing secret")).contains("fatal: [" + h + "]: FAILED!").contains("censored");
  }

  @Test
  void handlersRunOnceAtTheEndInDefinitionOrderWithListen() {
    assertThat(file("handlers.txt")).isEqualTo("first\nsecond\nthird\n");
    List<String> banners = run.banners();
    int lastTask = banners.indexOf("Unchanged tasks notify nothing");
    assertThat(lastTask).isPositive();
    assertThat(banners.subList(lastTask + 1, banners.size())).containsExactly("first", "second", "third");
    assertThat(run.out()).contains("RUNNING HANDLER [first]").doesNotContain("RUNNING HANDLER [never]");
  }

  private static String file(String name) {
    return host.execOk("cat", "/tmp/flow/" + name);
  }
}
