package dev.hawser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.it.support.HawserRun;
import dev.hawser.it.support.Resources;
import dev.hawser.it.support.SharedHost;
import dev.hawser.it.support.SshHost;
import dev.hawser.it.support.TestInventory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every core module against a real host: the first run changes it, the second reports changed=0. */
class CoreModulesTest {
  @RegisterExtension
  static final SharedHost SHARED = new SharedHost();

  @Test
  void fileModulesChangeOnceThenNotAgain() {
    SHARED.host().execOk("sh", "-c", "echo old > /srv/it-obsolete.txt");
    HawserRun first = playTwiceExpectingChanges("files.yml", List.of("A directory", "Inline content",
        "A file from files/", "A template from templates/", "One line", "A symlink", "An old file goes"));
    assertThat(first.status("The stat result is right", SHARED.host().name())).isEqualTo("ok");

    String n = SHARED.host().name();
    assertThat(SHARED.host().execOk("stat", "-c", "%a %U %F", "/srv/it-files")).isEqualTo("750 root directory\n");
    assertThat(SHARED.host().execOk("cat", "/srv/it-files/inline.conf")).isEqualTo("greeting=hello " + n + "\n");
    assertThat(SHARED.host().execOk("cat", "/srv/it-files/runtime.conf")).isEqualTo("port=8080\n");
    assertThat(SHARED.host().execOk("stat", "-c", "%a", "/srv/it-files/inline.conf")).isEqualTo("640\n");
    assertThat(SHARED.host().execOk("cat", "/srv/it-files/hello.txt"))
        .isEqualTo("Hello from the controller's files/ directory.\n");
    assertThat(SHARED.host().execOk("cat", "/srv/it-files/app.conf")).isEqualTo("# " + n + "\nservice=web\nservice=db\n");
    assertThat(SHARED.host().execOk("stat", "-c", "%a", "/srv/it-files/app.conf")).isEqualTo("600\n");
    assertThat(SHARED.host().execOk("readlink", "/srv/it-files/hello.link")).isEqualTo("/srv/it-files/hello.txt\n");
    assertThat(SHARED.host().exec("test", "-e", "/srv/it-obsolete.txt").getExitCode()).isEqualTo(1);
  }

  @Test
  void commandModulesAreIdempotentWithCreatesRemovesAndChangedWhen() {
    SHARED.host().execOk("touch", "/tmp/it-remove-me");
    playTwiceExpectingChanges("commands.yml",
        List.of("command with creates", "shell with creates", "command with removes", "raw with changed_when"));
    assertThat(SHARED.host().execOk("cat", "/tmp/it-shell-out")).isEqualTo("answer=42\n");
    assertThat(SHARED.host().execOk("cat", "/tmp/it-raw")).isEqualTo("made\n");
    assertThat(SHARED.host().exec("test", "-e", "/tmp/it-command-marker").getExitCode()).isZero();
    assertThat(SHARED.host().exec("test", "-e", "/tmp/it-remove-me").getExitCode()).isEqualTo(1);
  }

  @Test
  void systemModulesChangeOnceThenNotAgain() {
    HawserRun first = playTwiceExpectingChanges("system.yml", List.of("A group", "A user"));
    assertThat(first.section("Show it")).contains("\"msg\": \"answer=42\"");
    assertThat(first.status("Never fails here", SHARED.host().name())).isEqualTo("skipping");
    assertThat(SHARED.host().execOk("getent", "group", "itgroup")).startsWith("itgroup:x:4242:");
    assertThat(SHARED.host().execOk("id", "-gn", "ituser")).isEqualTo("itgroup\n");
    assertThat(SHARED.host().execOk("getent", "passwd", "ituser")).endsWith(":/bin/sh\n");
  }

  /**
   * Runs the playbook twice: the first run must report exactly {@code changedTasks} as changed
   * (every other task ok or skipping), the second run no change at all. Returns the first run.
   */
  private static HawserRun playTwiceExpectingChanges(String playbook, List<String> changedTasks) {
    HawserRun first = HawserRun.run(HawserRun.play(Resources.playbook(playbook), SHARED.inventory()));
    assertThat(first.exitCode()).as(first.describe()).isZero();
    for (String task : first.banners()) {
      String status = first.status(task, SHARED.host().name());
      if (changedTasks.contains(task)) {
        assertThat(status).as("first run of '%s'\n%s", task, first.out()).isEqualTo("changed");
      } else {
        assertThat(status).as("first run of '%s'\n%s", task, first.out()).isIn("ok", "skipping");
      }
    }
    assertThat(first.banners()).containsAll(changedTasks);
    assertThat(first.recap(SHARED.host().name()).changed()).as(first.out()).isEqualTo(changedTasks.size());

    HawserRun second = HawserRun.run(HawserRun.play(Resources.playbook(playbook), SHARED.inventory()));
    assertThat(second.exitCode()).as(second.describe()).isZero();
    assertThat(second.recap(SHARED.host().name()).changed()).as(second.out()).isZero();
    assertThat(second.recap(SHARED.host().name()).failed()).isZero();
    assertThat(second.out()).doesNotContain("changed: [");
    return first;
  }
}
