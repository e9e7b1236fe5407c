package dev.hawser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** block/rescue/always run locally; the PLAY RECAP lines are the ones ansible-playbook 2.14 printed. */
class BlockCliTest {
  @TempDir
  Path dir;

  private String recap(String tasks) throws Exception {
    Path pb = dir.resolve("block.yml");
    Files.writeString(pb, "- hosts: localhost\n  gather_facts: false\n  tasks:\n" + tasks.indent(4));
    CliTest.Result r = CliTest.hawser("play", pb.toString());
    return r.out().lines().filter(l -> l.startsWith("localhost ")).findFirst().orElse(r.out() + r.err()).strip();
  }

  @Test
  void aRescuedFailureIsNotAFailure() throws Exception {
    assertThat(recap("""
        - block:
            - command: /bin/true
            - command: /bin/false
            - command: /bin/true
          rescue:
            - debug: msg="rescued {{ ansible_failed_task.name }} {{ ansible_failed_result.rc }}"
            - command: /bin/true
          always:
            - debug: msg=always
        - debug: msg=after
        """)).isEqualTo("localhost                  : ok=5    changed=2    unreachable=0    failed=0    "
            + "skipped=0    rescued=1    ignored=0");
  }

  @Test
  void aFailingRescueFailsTheHost() throws Exception {
    assertThat(recap("""
        - block:
            - command: /bin/false
          rescue:
            - command: /bin/false
          always:
            - debug: msg=always
        - debug: msg=after
        """)).isEqualTo("localhost                  : ok=1    changed=0    unreachable=0    failed=1    "
            + "skipped=0    rescued=1    ignored=0");
  }

  @Test
  void alwaysRunsAfterSuccess() throws Exception {
    assertThat(recap("""
        - block:
            - command: /bin/true
          always:
            - debug: msg=always
        - debug: msg=after
        """)).isEqualTo("localhost                  : ok=3    changed=1    unreachable=0    failed=0    "
            + "skipped=0    rescued=0    ignored=0");
  }

  @Test
  void alwaysRunsAfterAnUnrescuedFailure() throws Exception {
    assertThat(recap("""
        - block:
            - command: /bin/false
            - command: /bin/true
          always:
            - debug: msg=always
        - debug: msg=after
        """)).isEqualTo("localhost                  : ok=1    changed=0    unreachable=0    failed=1    "
            + "skipped=0    rescued=0    ignored=0");
  }
}
