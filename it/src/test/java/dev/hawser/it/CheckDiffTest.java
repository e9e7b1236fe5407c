package dev.hawser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.it.support.HawserRun;
import dev.hawser.it.support.Resources;
import dev.hawser.it.support.SharedHost;
import dev.hawser.it.support.SshHost;
import dev.hawser.it.support.TestInventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** --check changes nothing on the host but reports what would change; --diff prints unified diffs. */
class CheckDiffTest {
  private static final String BOOK = Resources.playbook("checkdiff.yml").toString();
  @RegisterExtension
  static final SharedHost SHARED = new SharedHost();

  @Test
  void checkModeLeavesTheHostUntouchedAndReportsChanged() {
    String dir = "/srv/it-check";
    SHARED.host().execOk("sh", "-c", "mkdir -p " + dir + " && printf 'old\\n' > " + dir + "/app.conf && chmod 644 " + dir
        + "/app.conf && touch -d 2001-01-01 " + dir + " " + dir + "/app.conf");
    String before = snapshot(dir);

    HawserRun r = HawserRun.run(HawserRun.play(BOOK, SHARED.inventory(), "--check", "--diff", "-e", "dir=" + dir,
        "-e", "body=new", "-e", "mode=0600", "-e", "user_name=itcheck"));
    assertThat(r.exitCode()).as(r.describe()).isZero();
    for (String task : new String[] {"The config", "A line elsewhere", "A user"}) {
      assertThat(r.status(task, SHARED.host().name())).as(task + "\n" + r.out()).isEqualTo("changed");
    }
    assertThat(r.recap(SHARED.host().name()).changed()).isGreaterThanOrEqualTo(3);
    assertThat(r.section("The config")).contains("-old").contains("+new");

    assertThat(snapshot(dir)).isEqualTo(before);
    assertThat(SHARED.host().exec("id", "itcheck").getExitCode()).isNotZero();
  }

  @Test
  void diffShowsContentAndModeChanges() {
    String dir = "/srv/it-diff";
    String conf = dir + "/app.conf";
    HawserRun setup = HawserRun.run(HawserRun.play(BOOK, SHARED.inventory(), "-e", "dir=" + dir, "-e", "body=first",
        "-e", "mode=0644", "-e", "user_name=itdiff"));
    assertThat(setup.exitCode()).as(setup.describe()).isZero();
    assertThat(setup.out()).doesNotContain("--- before");

    HawserRun content = HawserRun.run(HawserRun.play(BOOK, SHARED.inventory(), "--diff", "-e", "dir=" + dir, "-e", "body=second",
        "-e", "mode=0600", "-e", "user_name=itdiff"));
    assertThat(content.exitCode()).as(content.describe()).isZero();
    assertThat(content.section("The config"))
        .contains("--- before: " + conf + "\n+++ after: " + conf + "\n@@ -1 +1 @@\n-first\n+second\n")
        .containsPattern("(?m)^-.*mode.*0644.*$")
        .containsPattern("(?m)^\\+.*mode.*0600.*$")
        .doesNotContain("No newline");
    assertThat(content.section("A line elsewhere")).contains("+body=second");
    assertThat(SHARED.host().execOk("cat", conf)).isEqualTo("second\n");
    assertThat(SHARED.host().execOk("stat", "-c", "%a", conf)).isEqualTo("600\n");

    HawserRun modeOnly = HawserRun.run(HawserRun.play(BOOK, SHARED.inventory(), "--diff", "-e", "dir=" + dir, "-e", "body=second",
        "-e", "mode=0640", "-e", "user_name=itdiff"));
    assertThat(modeOnly.exitCode()).as(modeOnly.describe()).isZero();
    assertThat(modeOnly.status("The config", SHARED.host().name())).isEqualTo("changed");
    assertThat(modeOnly.section("The config"))
        .containsPattern("(?m)^-.*mode.*0600.*$")
        .containsPattern("(?m)^\\+.*mode.*0640.*$")
        .doesNotContain("-second").doesNotContain("+second");
    assertThat(SHARED.host().execOk("stat", "-c", "%a", conf)).isEqualTo("640\n");
  }

  /** Paths, modes, owners, sizes, mtimes and contents of the files a run could touch. */
  private static String snapshot(String dir) {
    return SHARED.host().execOk("sh", "-c", "find " + dir + " /etc/passwd /etc/group /etc/shadow"
        + " -printf '%p %m %u %g %s %T@\\n' | sort; cat " + dir + "/* /etc/passwd /etc/group");
  }
}
