package dev.hawser.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.engine.playbook.PlaybookParser;
import dev.hawser.engine.report.HostResult;
import dev.hawser.engine.report.HostStats;
import dev.hawser.engine.spi.ExecResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** block/rescue/always on scripted hosts; recap numbers as ansible-playbook 2.14 prints them. */
class BlockRunTest {
  @TempDir
  Path dir;

  private final RecordingListener listener = new RecordingListener();

  /** Hosts where any command starting with "fail" fails (rc 1), and "fail-on-a" only on host a. */
  private static ScriptedHosts hosts(String... names) {
    return new ScriptedHosts(List.of(names), Map.of()).answering((h, cmd) -> new ExecResult(
        cmd.equals("fail") || cmd.equals("fail-on-a") && h.equals("a") ? 1 : 0, "", ""));
  }

  private RunSummary run(ScriptedHosts hosts, String tasksYaml) throws Exception {
    Path file = dir.resolve("site.yml");
    Files.writeString(file, "- hosts: all\n  gather_facts: false\n  tasks:\n" + tasksYaml.indent(4)
        + "  handlers:\n    - {name: h, run: echo handler}\n");
    ModuleRegistry modules = TestModules.registry();
    return new PlaybookRunner(RunOptions.defaults(), listener, modules, hosts)
        .run(new PlaybookParser(modules).parse(file), hosts);
  }

  private Optional<HostResult> result(String host, String task) {
    return listener.find(host, task);
  }

  private static HostStats stats(int ok, int changed, int failed, int rescued) {
    return new HostStats(ok, changed, 0, failed, 0, rescued, 0);
  }

  @Test
  void rescueRunsOnlyOnTheFailedHostWhichIsRescuedAndGoesOn() throws Exception {
    ScriptedHosts hosts = hosts("a", "b");
    RunSummary s = run(hosts, """
        - block:
            - {name: first, run: fail-on-a, notify: h}
            - {name: second, run: echo second}
          rescue:
            - {name: r, echo: {msg: "{{ ansible_failed_task.name }} rc={{ ansible_failed_result.rc }}"}}
          always:
            - {name: al, run: echo always}
        - {name: after, run: echo after}
        """);
    assertThat(hosts.ran("a")).containsExactly("fail-on-a", "echo always", "echo after");
    assertThat(hosts.ran("b")).containsExactly("fail-on-a", "echo second", "echo always", "echo after", "echo handler");
    assertThat(result("a", "r").orElseThrow().msg()).isEqualTo("first rc=1");
    assertThat(result("b", "r")).isEmpty();
    assertThat(listener.tasks).containsExactly("first", "second", "r", "al", "after", "handler h");
    assertThat(s.recap().get("a")).isEqualTo(stats(3, 2, 0, 1));
    assertThat(s.recap().get("b")).isEqualTo(stats(5, 5, 0, 0));
    assertThat(s.anyFailed()).isFalse();
  }

  @Test
  void aFailingRescueFailsTheHostAfterItsAlwaysTasks() throws Exception {
    // ansible-playbook: ok=1 changed=0 unreachable=0 failed=1 skipped=0 rescued=1 ignored=0
    ScriptedHosts hosts = hosts("a");
    RunSummary s = run(hosts, """
        - block:
            - {name: body, run: fail}
          rescue:
            - {name: r1, run: fail}
            - {name: r2, run: echo r2}
          always:
            - {name: al, echo: {msg: always}}
        - {name: after, run: echo after}
        """);
    assertThat(hosts.ran("a")).containsExactly("fail", "fail");
    assertThat(result("a", "al")).isPresent();
    assertThat(s.recap().get("a")).isEqualTo(stats(1, 0, 1, 1));
    assertThat(s.anyFailed()).isTrue();
  }

  @Test
  void alwaysRunsForEveryHostAndAnUnrescuedFailureDropsTheHostAfterIt() throws Exception {
    // ansible-playbook, the failing host: ok=1 changed=0 unreachable=0 failed=1 skipped=0 rescued=0 ignored=0
    ScriptedHosts hosts = hosts("a", "b");
    RunSummary s = run(hosts, """
        - block:
            - {name: body, run: fail-on-a}
            - {name: body2, run: echo body2}
          always:
            - {name: al, echo: {msg: always}}
        - {name: after, run: echo after}
        """);
    assertThat(result("a", "al")).isPresent();
    assertThat(result("b", "al")).isPresent();
    assertThat(hosts.ran("a")).containsExactly("fail-on-a");
    assertThat(hosts.ran("b")).containsExactly("fail-on-a", "echo body2", "echo after");
    assertThat(s.recap().get("a")).isEqualTo(stats(1, 0, 1, 0));
    assertThat(s.recap().get("b")).isEqualTo(stats(4, 3, 0, 0));
  }

  @Test
  void withoutFailuresRescueIsNotShownAndAlwaysRuns() throws Exception {
    // ansible-playbook: ok=3 changed=1 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0
    RunSummary s = run(hosts("a"), """
        - block:
            - {name: body, run: echo ok}
          rescue:
            - {name: r, run: echo rescue}
          always:
            - {name: al, echo: {msg: always}}
        - {name: after, echo: {msg: after}}
        """);
    assertThat(listener.tasks).containsExactly("body", "al", "after");
    assertThat(s.recap().get("a")).isEqualTo(stats(3, 1, 0, 0));
  }

  @Test
  void nestedBlocksPassAnUnrescuedFailureOutwards() throws Exception {
    // ansible-playbook: ok=2 changed=0 unreachable=0 failed=1 skipped=0 rescued=2 ignored=0
    ScriptedHosts hosts = hosts("a");
    RunSummary s = run(hosts, """
        - block:
            - block:
                - {name: inner, run: fail}
              rescue:
                - {name: inner-rescue, run: fail}
                - {name: not-run, run: echo no}
              always:
                - {name: inner-always, echo: {msg: x}}
            - {name: outer-body, run: echo no}
          rescue:
            - {name: outer-rescue, echo: {msg: x}}
          always:
            - {name: outer-always, run: fail}
            - {name: not-run-2, run: echo no}
        - {name: after, run: echo no}
        """);
    assertThat(listener.tasks).containsExactly("inner", "inner-rescue", "inner-always", "outer-rescue", "outer-always");
    assertThat(hosts.ran("a")).containsExactly("fail", "fail", "fail");
    assertThat(s.recap().get("a")).isEqualTo(stats(2, 0, 1, 2));
  }

  @Test
  void anUnreachableHostIsNotRescued() throws Exception {
    ScriptedHosts hosts = hosts("a", "down");
    hosts.unreachable.add("down");
    RunSummary s = run(hosts, """
        - block:
            - {name: body, run: echo ok}
          rescue:
            - {name: r, run: echo rescue}
          always:
            - {name: al, run: echo always}
        """);
    assertThat(listener.results).noneMatch(r -> r.host().equals("down") && !r.task().equals("body"));
    assertThat(s.recap().get("down")).isEqualTo(new HostStats(0, 0, 1, 0, 0, 0, 0));
    assertThat(listener.tasks).containsExactly("body", "al");
  }
}
