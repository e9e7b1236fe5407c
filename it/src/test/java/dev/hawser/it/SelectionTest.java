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

/** Which tasks and hosts run: --tags, --skip-tags, --start-at-task, -e (incl. @file), --limit. */
class SelectionTest {
  private static final String BOOK = Resources.playbook("select.yml").toString();
  private static SshHost alpha;
  private static SshHost beta;
  private static TestInventory inv;

  @BeforeAll
  static void start() {
    alpha = SshHost.builder().name("alpha").start();
    beta = SshHost.builder().name("beta").key(alpha.key()).start();
    inv = TestInventory.builder().group("first", alpha).group("second", beta).write();
  }

  @AfterAll
  static void stop() {
    for (SshHost h : new SshHost[] {alpha, beta}) {
      if (h != null) {
        h.stop();
      }
    }
  }

  @BeforeEach
  void clearLogs() {
    alpha.execOk("rm", "-f", "/tmp/sel.log");
    beta.execOk("rm", "-f", "/tmp/sel.log");
  }

  @Test
  void withoutSelectionEverythingRunsWithPlayVars() {
    assertRan(play(), "first\nsecond\nthird grey 0\nuntagged\nalways\n");
  }

  @Test
  void tagsRunOnlyTaggedTasksAndAlways() {
    HawserRun r = play("--tags", "a");
    assertRan(r, "first\nthird grey 0\nalways\n");
    assertThat(r.banners()).containsExactly("first", "third", "always");
  }

  @Test
  void skipTagsLeaveTaggedTasksOut() {
    assertRan(play("--skip-tags", "a"), "second\nuntagged\nalways\n");
    clearLogs();
    assertRan(play("--skip-tags", "a,always"), "second\nuntagged\n");
  }

  @Test
  void startAtTaskSkipsEverythingBefore() {
    HawserRun r = play("--start-at-task", "second");
    assertRan(r, "second\nthird grey 0\nuntagged\nalways\n");
    assertThat(r.banners()).doesNotContain("first");
  }

  @Test
  void extraVarsFromAFileAndKeyValuesOverridePlayVarsInOrder() {
    String file = "@" + Resources.playbook("extra-vars.yml");
    assertRan(play("-e", file, "--tags", "c"), "third blue 3\nalways\n");
    clearLogs();
    assertRan(play("-e", file, "-e", "size=4", "--tags", "c"), "third blue 4\nalways\n");
    clearLogs();
    assertRan(play("-e", "{\"colour\": \"red\"}", "--tags", "c"), "third red 0\nalways\n");
  }

  @Test
  void limitRunsOnTheMatchingHostsOnly() {
    HawserRun r = play("--limit", "second");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(beta.execOk("cat", "/tmp/sel.log")).isEqualTo("first\nsecond\nthird grey 0\nuntagged\nalways\n");
    assertThat(alpha.exec("test", "-e", "/tmp/sel.log").getExitCode()).isEqualTo(1);
    assertThat(r.out()).doesNotContain("[alpha]").doesNotContain("\nalpha ");
    assertThat(r.recap("beta").changed()).isEqualTo(5);

    HawserRun byName = play("-l", "alpha");
    assertThat(byName.recap("alpha").changed()).isEqualTo(5);
    assertThat(byName.out()).doesNotContain("[beta]");
  }

  private static HawserRun play(String... extra) {
    return HawserRun.run(HawserRun.play(BOOK, inv, extra));
  }

  /** Both hosts ran exactly the tasks that wrote {@code log}. */
  private static void assertRan(HawserRun r, String log) {
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(alpha.execOk("cat", "/tmp/sel.log")).as(r.out()).isEqualTo(log);
    assertThat(beta.execOk("cat", "/tmp/sel.log")).as(r.out()).isEqualTo(log);
    int tasks = (int) log.chars().filter(c -> c == '\n').count();
    assertThat(r.recap("alpha").changed()).isEqualTo(tasks);
    assertThat(r.recap("beta").changed()).isEqualTo(tasks);
  }
}
