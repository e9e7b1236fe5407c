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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run_once, serial, any_errors_fatal, delegate_to and max_fail_percentage on scripted hosts; which
 * hosts run what, and the recap, as ansible-playbook 2.14 shows them.
 */
class PlayControlTest {
  @TempDir
  Path dir;

  private final RecordingListener listener = new RecordingListener();

  /** Hosts where "fail" fails everywhere, "fail-on-X" on host X only; "hostname" prints the host's name. */
  private static ScriptedHosts hosts(Map<String, Map<String, Object>> vars, String... names) {
    return new ScriptedHosts(List.of(names), vars).answering((h, cmd) -> new ExecResult(
        cmd.equals("fail") || cmd.equals("fail-on-" + h) ? 1 : 0, cmd.equals("hostname") ? h + "\n" : "", ""));
  }

  private static ScriptedHosts hosts(String... names) {
    return hosts(Map.of(), names);
  }

  private RunSummary run(ScriptedHosts hosts, String playbook) throws Exception {
    Path file = dir.resolve("site.yml");
    Files.writeString(file, playbook);
    ModuleRegistry modules = TestModules.registry();
    return new PlaybookRunner(RunOptions.defaults(), listener, modules, hosts)
        .run(new PlaybookParser(modules).parse(file), hosts);
  }

  private HostResult result(String host, String task) {
    return listener.result(host, task);
  }

  private List<String> hostsThatRan(String task) {
    return listener.results.stream().filter(r -> r.task().equals(task)).map(HostResult::host).sorted().toList();
  }

  private static HostStats stats(int ok, int changed, int failed) {
    return new HostStats(ok, changed, 0, failed, 0, 0, 0);
  }

  @Test
  void runOnceRunsOnTheFirstHostAndGivesItsResultToAll() throws Exception {
    ScriptedHosts hosts = hosts("a", "b", "c");
    RunSummary s = run(hosts, """
        - hosts: all
          gather_facts: false
          tasks:
            - {name: once, run: hostname, run_once: true, register: out, notify: h}
            - {name: fact, facts: {first: "{{ inventory_hostname }}"}, run_once: true}
            - {name: show, echo: {msg: "{{ out.stdout }}/{{ first }}"}}
          handlers:
            - {name: h, run: echo handler}
        """);
    assertThat(hostsThatRan("once")).containsExactly("a");
    assertThat(hostsThatRan("fact")).containsExactly("a");
    assertThat(hosts.ran("a")).containsExactly("hostname", "echo handler");
    assertThat(hosts.ran("b")).isEmpty();
    for (String h : List.of("a", "b", "c")) {
      assertThat(result(h, "show").msg()).isEqualTo("a/a");
    }
    // ansible-playbook -i a,b,c, -c local: recap a ok=4 changed=2; b and c ok=1 (only "show")
    assertThat(s.recap()).containsEntry("a", stats(4, 2, 0)).containsEntry("b", stats(1, 0, 0))
        .containsEntry("c", stats(1, 0, 0));
  }

  @Test
  void aFailedRunOnceTaskFailsEveryHostButCountsOnTheOneThatRan() throws Exception {
    ScriptedHosts hosts = hosts("a", "b");
    RunSummary s = run(hosts, """
        - hosts: all
          gather_facts: false
          tasks:
            - {name: once, run: fail, run_once: true}
            - {name: after, run: echo after}
        """);
    assertThat(hostsThatRan("once")).containsExactly("a");
    assertThat(listener.results).noneMatch(r -> r.task().equals("after"));
    // ansible-playbook: "fatal: [a]", NO MORE HOSTS LEFT; the recap lists a only (b never ran a task)
    assertThat(s.recap()).containsOnlyKeys("a").containsEntry("a", stats(0, 0, 1));
  }

  @Test
  void runOnceSkipsHostsThatAlreadyFailed() throws Exception {
    ScriptedHosts hosts = hosts("a", "b");
    run(hosts, """
        - hosts: all
          gather_facts: false
          tasks:
            - {name: first, run: fail-on-a}
            - {name: once, run: hostname, run_once: true}
        """);
    assertThat(hostsThatRan("once")).containsExactly("b");
  }

  @Test
  void serialRunsTheWholePlayPerBatchWithABannerEach() throws Exception {
    ScriptedHosts hosts = hosts("a", "b", "c");
    RunSummary s = run(hosts, """
        - name: ser
          hosts: all
          gather_facts: false
          serial: [1, 2]
          tasks:
            - {name: t1, run: echo t1, notify: h}
            - {name: once, run: hostname, run_once: true, register: out}
            - {name: show, echo: {msg: "{{ out.stdout }} {{ ansible_play_batch | join(',') }}"}}
          handlers:
            - {name: h, run: echo handler}
        - name: next
          hosts: all
          gather_facts: false
          tasks:
            - {name: t3, echo: {msg: hi}}
        """);
    assertThat(listener.events).containsExactly("PLAY ser", "TASK t1", "a:t1", "TASK once", "a:once", "TASK show", "a:show",
        "HANDLER h", "a:h",
        "PLAY ser", "TASK t1", listener.events.get(11), listener.events.get(12), "TASK once", "b:once", "TASK show", listener.events.get(16),
        listener.events.get(17), "HANDLER h", listener.events.get(19), listener.events.get(20),
        "PLAY next", "TASK t3", listener.events.get(23), listener.events.get(24), listener.events.get(25));
    assertThat(List.of(listener.events.get(11), listener.events.get(12))).containsExactlyInAnyOrder("b:t1", "c:t1");
    // as ansible-playbook with serial: [1, 2]: run_once per batch, its result that batch's
    assertThat(result("a", "show").msg()).isEqualTo("a a");
    assertThat(result("b", "show").msg()).isEqualTo("b b,c");
    assertThat(result("c", "show").msg()).isEqualTo("b b,c");
    assertThat(s.recap()).containsEntry("a", stats(5, 3, 0)).containsEntry("b", stats(5, 3, 0))
        .containsEntry("c", stats(4, 2, 0));
  }

  @Test
  void serialPercentagesRoundDownToAtLeastOneHost() throws Exception {
    run(hosts("a", "b", "c"), "- hosts: all\n  gather_facts: false\n  serial: \"50%\"\n  tasks:\n"
        + "    - {name: t, echo: {msg: x}}\n");
    assertThat(listener.events.stream().filter(e -> e.startsWith("PLAY"))).hasSize(3);
    assertThat(Batches.of(List.of("30%"), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))
        .containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9), List.of(10));
    assertThat(Batches.of(List.of(1, "50%"), List.of(1, 2, 3, 4, 5))).containsExactly(List.of(1), List.of(2, 3),
        List.of(4, 5));
    assertThat(Batches.of(List.of(0), List.of(1, 2))).containsExactly(List.of(1, 2));
    assertThat(Batches.of(List.of(), List.of(1, 2))).containsExactly(List.of(1, 2));
  }

  @Test
  void aBatchWhereEveryHostFailedEndsTheRun() throws Exception {
    ScriptedHosts hosts = hosts("a", "b");
    RunSummary s = run(hosts, """
        - hosts: all
          gather_facts: false
          serial: 1
          tasks:
            - {name: t1, run: fail-on-a}
        - hosts: all
          gather_facts: false
          tasks:
            - {name: t2, run: echo t2}
        """);
    // ansible-playbook: "fatal: [a]", no second batch, no second play; the recap lists a only
    assertThat(hosts.ran("b")).isEmpty();
    assertThat(listener.events).containsExactly("PLAY all", "TASK t1", "a:t1");
    assertThat(s.recap()).containsOnlyKeys("a").containsEntry("a", stats(0, 0, 1));
  }

  @Test
  void aBatchWithSomeHostsLeftGoesOn() throws Exception {
    ScriptedHosts hosts = hosts("a", "b", "c");
    RunSummary s = run(hosts, """
        - hosts: all
          gather_facts: false
          serial: 2
          tasks:
            - {name: t1, run: fail-on-a}
            - {name: t2, run: echo t2}
        """);
    assertThat(hostsThatRan("t2")).containsExactly("b", "c");
    assertThat(s.recap()).containsEntry("a", stats(0, 0, 1)).containsEntry("c", stats(2, 2, 0));
  }

  @Test
  void anyErrorsFatalEndsThePlayAndTheRunForEveryHost() throws Exception {
    ScriptedHosts hosts = hosts("a", "b", "c");
    RunSummary s = run(hosts, """
        - hosts: all
          gather_facts: false
          any_errors_fatal: true
          tasks:
            - {name: t1, run: fail-on-b, notify: h}
            - {name: t2, run: echo t2}
          handlers:
            - {name: h, run: echo handler}
        - hosts: all
          gather_facts: false
          tasks:
            - {name: t3, run: echo t3}
        """);
    // ansible-playbook: a and c changed, b fatal, NO MORE HOSTS LEFT; recap a/c ok=1 changed=1, b failed=1
    assertThat(listener.results).extracting(HostResult::task).containsOnly("t1");
    assertThat(hosts.ran("a")).containsExactly("fail-on-b");
    assertThat(s.recap()).containsEntry("a", stats(1, 1, 0)).containsEntry("b", stats(0, 0, 1))
        .containsEntry("c", stats(1, 1, 0));
    assertThat(s.anyFailed()).isTrue();
  }

  @Test
  void anyErrorsFatalLeavesRescuedAndIgnoredFailuresAlone() throws Exception {
    ScriptedHosts hosts = hosts("a", "b");
    run(hosts, """
        - hosts: all
          gather_facts: false
          any_errors_fatal: true
          tasks:
            - {name: t1, run: fail-on-a, ignore_errors: true}
            - block:
                - {name: t2, run: fail-on-b}
              rescue:
                - {name: r, run: echo rescued}
            - {name: t3, run: echo t3}
        """);
    assertThat(hostsThatRan("t3")).containsExactly("a", "b");
  }

  @Test
  void withoutAnyErrorsFatalTheOthersGoOn() throws Exception {
    ScriptedHosts hosts = hosts("a", "b");
    run(hosts, "- hosts: all\n  gather_facts: false\n  tasks:\n    - {name: t1, run: fail-on-b}\n"
        + "    - {name: t2, run: echo t2}\n");
    assertThat(hostsThatRan("t2")).containsExactly("a");
  }

  @Test
  void maxFailPercentageAbortsWhenMoreThanThatShareOfTheBatchFailed() throws Exception {
    String pb = """
        - hosts: all
          gather_facts: false
          max_fail_percentage: %s
          tasks:
            - {name: t1, run: fail-on-b}
            - {name: t2, run: echo t2}
        """;
    RunSummary s = run(hosts("a", "b", "c"), pb.formatted(30));
    // ansible-playbook: 1 of 3 failed (33%% > 30): NO MORE HOSTS LEFT, t2 runs nowhere
    assertThat(hostsThatRan("t2")).isEmpty();
    assertThat(s.recap()).containsEntry("a", stats(1, 1, 0)).containsEntry("b", stats(0, 0, 1));
    listener.results.clear();
    run(hosts("a", "b", "c"), pb.formatted(34));
    assertThat(hostsThatRan("t2")).containsExactly("a", "c");
  }

  @Test
  void maxFailPercentageCountsPerBatch() throws Exception {
    run(hosts("a", "b", "c", "d"), """
        - hosts: all
          gather_facts: false
          serial: 2
          max_fail_percentage: 49
          tasks:
            - {name: t1, run: fail-on-c}
            - {name: t2, run: echo t2}
        """);
    // the first batch (a, b) is clean; in the second, c is 50% of the batch: the run stops there
    assertThat(hostsThatRan("t2")).containsExactly("a", "b");
  }

  @Test
  void delegateToLocalhostRunsLocallyWithTheHostsVariables() throws Exception {
    ScriptedHosts hosts = hosts(Map.of("a", Map.of("ansible_host", "10.0.0.1", "ansible_user", "deploy")), "a", "b");
    run(hosts, """
        - hosts: all
          gather_facts: false
          tasks:
            - {name: d, run: "echo {{ inventory_hostname }}", delegate_to: localhost, register: out}
            - {name: d2, run: "echo again", delegate_to: 127.0.0.1}
            - {name: show, echo: {msg: "{{ out.stdout_lines | length }} {{ out.rc }}"}}
        """);
    assertThat(hosts.ran("localhost")).containsExactlyInAnyOrder("echo a", "echo b");
    assertThat(hosts.ran("127.0.0.1")).containsExactlyInAnyOrder("echo again", "echo again");
    assertThat(hosts.ran("a")).isEmpty();
    assertThat(hosts.local).containsExactlyInAnyOrder("localhost", "127.0.0.1");
    assertThat(hosts.specs.get("localhost").user()).isNull();
    assertThat(hostsThatRan("d")).containsExactly("a", "b");
    assertThat(result("a", "show").msg()).isEqualTo("0 0");
  }

  @Test
  void delegateToAnInventoryHostUsesItsConnectionVariables() throws Exception {
    ScriptedHosts hosts = hosts(Map.of(
        "a", Map.of("ansible_host", "10.0.0.1", "ansible_user", "deploy", "who", "A"),
        "db", Map.of("ansible_host", "10.0.0.9", "ansible_port", 2222, "ansible_user", "dbadmin", "who", "DB")),
        "a", "db");
    hosts.answering((h, cmd) -> new ExecResult(0, h + "\n", ""));
    RunSummary s = run(hosts, """
        - hosts: a
          gather_facts: false
          tasks:
            - {name: d, run: "echo {{ who }}", delegate_to: "{{ 'db' }}", register: out}
            - {name: ext, run: "echo x", delegate_to: bastion}
            - {name: show, echo: {msg: "{{ out.stdout }}"}}
        """);
    assertThat(hosts.ran("db")).containsExactly("echo A");
    assertThat(hosts.specs.get("db").address()).isEqualTo("10.0.0.9");
    assertThat(hosts.specs.get("db").port()).isEqualTo(2222);
    assertThat(hosts.specs.get("db").user()).isEqualTo("dbadmin");
    assertThat(hosts.local).isEmpty();
    assertThat(hosts.specs.get("bastion").address()).isEqualTo("bastion");
    assertThat(hosts.specs.get("bastion").user()).isNull();
    assertThat(result("a", "show").msg()).isEqualTo("db");
    assertThat(s.recap()).containsOnlyKeys("a");
  }

  @Test
  void anUnreachableDelegateMakesTheTaskUnreachableOnTheHost() throws Exception {
    ScriptedHosts hosts = hosts("a");
    hosts.unreachable.add("gone");
    RunSummary s = run(hosts, "- hosts: all\n  gather_facts: false\n  tasks:\n"
        + "    - {name: d, run: echo, delegate_to: gone}\n    - {name: t2, run: echo t2}\n");
    assertThat(result("a", "d").status()).isEqualTo(dev.hawser.engine.report.Status.UNREACHABLE);
    assertThat(s.recap().get("a").unreachable()).isEqualTo(1);
    assertThat(hostsThatRan("t2")).isEmpty();
  }
}
