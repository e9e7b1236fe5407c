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

/** Every core module against a real host: the first run changes it, the second reports changed=0. */
class CoreModulesTest {
  private static SshHost host;
  private static TestInventory inv;

  @BeforeAll
  static void start() {
    host = SshHost.start();
    inv = TestInventory.of(host);
  }

  @AfterAll
  static void stop() {
    if (host != null) {
      host.stop();
    }
  }

  @Test
  void fileModulesChangeOnceThenNotAgain() {
    host.execOk("sh", "-c", "echo old > /srv/it-obsolete.txt");
    HawserRun first = playTwiceExpectingChanges("files.yml", List.of("A directory", "Inline content",
        "A file from files/", "A template from templates/", "One line", "A symlink", "An old file goes"));
    assertThat(first.status("The stat result is right", host.name())).isEqualTo("ok");

    String n = host.name();
    assertThat(host.execOk("stat", "-c", "%a %U %F", "/srv/it-files")).isEqualTo("750 root directory\n");
    assertThat(host.execOk("cat", "/srv/it-files/inline.conf")).isEqualTo("greeting=hello " + n + "\n");
    assertThat(host.execOk("cat", "/srv/it-files/runtime.conf")).isEqualTo("port=8080\n");
    assertThat(host.execOk("stat", "-c", "%a", "/srv/it-files/inline.conf")).isEqualTo("640\n");
    assertThat(host.execOk("cat", "/srv/it-files/hello.txt"))
        .isEqualTo("Hello from the controller's files/ directory.\n");
    assertThat(host.execOk("cat", "/srv/it-files/app.conf")).isEqualTo("# " + n + "\nservice=web\nservice=db\n");
    assertThat(host.execOk("stat", "-c", "%a", "/srv/it-files/app.conf")).isEqualTo("600\n");
    assertThat(host.execOk("readlink", "/srv/it-files/hello.link")).isEqualTo("/srv/it-files/hello.txt\n");
    assertThat(host.exec("test", "-e", "/srv/it-obsolete.txt").getExitCode()).isEqualTo(1);
  }

  @Test
  void commandModulesAreIdempotentWithCreatesRemovesAndChangedWhen() {
    host.execOk("touch", "/tmp/it-remove-me");
    playTwiceExpectingChanges("commands.yml",
        List.of("command with creates", "shell with creates", "command with removes", "raw with changed_when"));
    assertThat(host.execOk("cat", "/tmp/it-shell-out")).isEqualTo("answer=42\n");
    assertThat(host.execOk("cat", "/tmp/it-raw")).isEqualTo("made\n");
    assertThat(host.exec("test", "-e", "/tmp/it-command-marker").getExitCode()).isZero();
    assertThat(host.exec("test", "-e", "/tmp/it-remove-me").getExitCode()).isEqualTo(1);
  }

  @Test
  void systemModulesChangeOnceThenNotAgain() {
    HawserRun first = playTwiceExpectingChanges("system.yml", List.of("A group", "A user"));
    assertThat(first.section("Show it")).contains("\"msg\": \"answer=42\"");
    assertThat(first.status("Never fails here", host.name())).isEqualTo("skipping");
    assertThat(host.execOk("getent", "group", "itgroup")).startsWith("itgroup:x:4242:");
    assertThat(host.execOk("id", "-gn", "ituser")).isEqualTo("itgroup\n");
    assertThat(host.execOk("getent", "passwd", "ituser")).endsWith(":/bin/sh\n");
  }

  /**
   * Runs the playbook twice: the first run must report exactly {@code changedTasks} as changed
   * (every other task ok or skipping), the second run no change at all. Returns the first run.
   */
  private static HawserRun playTwiceExpectingChanges(String playbook, List<String> changedTasks) {
    HawserRun first = HawserRun.run(HawserRun.play(Resources.playbook(playbook), inv));
    assertThat(first.exitCode()).as(first.describe()).isZero();
    for (String task : first.banners()) {
      String status = first.status(task, host.name());
      if (changedTasks.contains(task)) {
        assertThat(status).as("first run of '%s'\n%s", task, first.out()).isEqualTo("changed");
      } else {
        assertThat(status).as("first run of '%s'\n%s", task, first.out()).isIn("ok", "skipping");
      }
    }
    assertThat(first.banners()).containsAll(changedTasks);
    assertThat(first.recap(host.name()).changed()).as(first.out()).isEqualTo(changedTasks.size());

    HawserRun second = HawserRun.run(HawserRun.play(Resources.playbook(playbook), inv));
    assertThat(second.exitCode()).as(second.describe()).isZero();
    assertThat(second.recap(host.name()).changed()).as(second.out()).isZero();
    assertThat(second.recap(host.name()).failed()).isZero();
    assertThat(second.out()).doesNotContain("changed: [");
    return first;
  }
}
