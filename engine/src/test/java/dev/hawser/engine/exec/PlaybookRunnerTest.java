package dev.hawser.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.engine.playbook.PlaybookParser;
import dev.hawser.engine.report.HostResult;
import dev.hawser.engine.report.Status;
import dev.hawser.engine.spi.ExecResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookRunnerTest {
  @TempDir
  Path dir;

  private final RecordingListener listener = new RecordingListener();

  private RunSummary run(ScriptedHosts hosts, RunOptions options, String playbook) throws Exception {
    Path file = dir.resolve("site.yml");
    Files.writeString(file, playbook);
    ModuleRegistry modules = TestModules.registry();
    return new PlaybookRunner(options, listener, modules, hosts).run(new PlaybookParser(modules).parse(file), hosts);
  }

  private HostResult result(String host, String task) {
    return listener.result(host, task);
  }

  @Test
  void appliesOnlyWhatDiffersAndCheckModeAppliesNothing() throws Exception {
    ScriptedHosts hosts = new ScriptedHosts(List.of("a", "b"), Map.of())
        .answering((h, cmd) -> new ExecResult(h.equals("a") && cmd.startsWith("test") ? 1 : 0, "", ""));
    String pb = "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: m\n      marker: path=/tmp/x\n";
    RunSummary s = run(hosts, RunOptions.defaults(), pb);
    assertThat(result("a", "m").status()).isEqualTo(Status.CHANGED);
    assertThat(result("b", "m").status()).isEqualTo(Status.OK);
    assertThat(hosts.ran("a")).contains("touch /tmp/x");
    assertThat(hosts.ran("b")).noneMatch(c -> c.startsWith("touch"));
    assertThat(s.recap().get("a").changed()).isEqualTo(1);

    ScriptedHosts again = new ScriptedHosts(List.of("a"), Map.of()).answering((h, cmd) -> new ExecResult(1, "", ""));
    listener.results.clear();
    run(again, RunOptions.defaults().withCheck(true), pb);
    assertThat(result("a", "m").status()).isEqualTo(Status.CHANGED);
    assertThat(result("a", "m").plannedSteps()).containsExactly("touch /tmp/x");
    assertThat(again.ran("a")).noneMatch(c -> c.startsWith("touch"));
  }

  @Test
  void checkModeFalseRunsATaskForRealUnderCheck() throws Exception {
    ScriptedHosts hosts = new ScriptedHosts(List.of("a"), Map.of());
    run(hosts, RunOptions.defaults().withCheck(true), """
        - hosts: all
          gather_facts: false
          tasks:
            - {name: read, run: cat /etc/os-release, check_mode: false}
            - {name: write, run: touch /x}
        """);
    assertThat(hosts.ran("a")).contains("cat /etc/os-release").doesNotContain("touch /x");
  }

  @Test
  void variablesFollowAnsiblePrecedence() throws Exception {
    ScriptedHosts hosts = new ScriptedHosts(List.of("a"), Map.of("a", Map.of("x", "inventory", "y", "inventory")));
    run(hosts, RunOptions.defaults(), """
        - hosts: all
          gather_facts: false
          vars: {x: play, y: play}
          tasks:
            - {name: one, echo: {msg: "{{ x }}/{{ y }}"}, vars: {y: task}}
            - {name: set, facts: {x: fact, nothing: null}}
            - {name: two, echo: {msg: "{{ x }}"}}
        """);
    assertThat(result("a", "one").msg()).isEqualTo("play/task");
    assertThat(result("a", "two").msg()).isEqualTo("fact");
  }

  @Test
  void registerWhenLoopAndHandlers() throws Exception {
    ScriptedHosts hosts = new ScriptedHosts(List.of("a"), Map.of())
        .answering((h, cmd) -> new ExecResult(0, cmd.equals("hostname") ? "web1\n" : "", ""));
    run(hosts, RunOptions.defaults(), """
        - hosts: all
          gather_facts: false
          tasks:
            - {name: name, run: hostname, register: out, notify: h1}
            - {name: when-true, echo: {msg: "{{ out.stdout }}"}, when: "out.rc == 0 and 'web' in out.stdout"}
            - {name: when-false, echo: {msg: no}, when: out.stdout == 'db1'}
            - {name: items, run: "touch /tmp/{{ f }}", with_items: [[p, q], r], loop_control: {loop_var: f}, notify: [h2, h1]}
          handlers:
            - {name: h2, run: echo h2}
            - {name: h1, run: echo h1}
        """);
    assertThat(result("a", "when-true").msg()).isEqualTo("web1");
    assertThat(result("a", "when-false").status()).isEqualTo(Status.SKIPPED);
    assertThat(hosts.ran("a")).containsSubsequence("touch /tmp/p", "touch /tmp/q", "touch /tmp/r", "echo h2", "echo h1");
    assertThat(hosts.ran("a").stream().filter(c -> c.equals("echo h1")).count()).isEqualTo(1);
    assertThat(listener.tasks).endsWith("handler h2", "handler h1");
  }

  @Test
  void aFailingHostDropsOutAndTheOthersGoOn() throws Exception {
    ScriptedHosts hosts = new ScriptedHosts(List.of("a", "b"), Map.of())
        .answering((h, cmd) -> new ExecResult(h.equals("a") && cmd.equals("false-on-a") ? 1 : 0, "", "boom"));
    RunSummary s = run(hosts, RunOptions.defaults(), """
        - hosts: all
          gather_facts: false
          tasks:
            - {name: first, run: false-on-a}
            - {name: second, run: echo second}
        """);
    assertThat(result("a", "first").status()).isEqualTo(Status.FAILED);
    assertThat(result("a", "first").msg()).isEqualTo("non-zero return code");
    assertThat(listener.results).noneMatch(r -> r.host().equals("a") && r.task().equals("second"));
    assertThat(result("b", "second").status()).isEqualTo(Status.CHANGED);
    assertThat(s.anyFailed()).isTrue();
  }

  @Test
  void anUnreachableHostIsReportedAndConnectionsAreReused() throws Exception {
    ScriptedHosts hosts = new ScriptedHosts(List.of("a", "down"), Map.of());
    hosts.unreachable.add("down");
    RunSummary s = run(hosts, RunOptions.defaults(), """
        - hosts: all
          gather_facts: false
          tasks:
            - {name: one, run: echo 1}
            - {name: two, run: echo 2}
            - {name: three, run: echo 3}
        """);
    assertThat(result("down", "one").status()).isEqualTo(Status.UNREACHABLE);
    assertThat(result("down", "one").msg()).contains("connection refused");
    assertThat(s.anyUnreachable()).isTrue();
    assertThat(s.anyFailed()).isFalse();
    assertThat(hosts.opened.get()).isEqualTo(1);
  }

  @Test
  void becomePasswordGoesOnStdinAndIsMaskedInOutput() throws Exception {
    ScriptedHosts hosts = new ScriptedHosts(List.of("a"), Map.of("a", Map.of("ansible_become_password", "s3cret-pw")))
        .answering((h, cmd) -> cmd.equals("id -un") ? new ExecResult(0, "deploy\n", "")
            : cmd.equals("sudo -k -n true") ? new ExecResult(1, "", "sudo: a password is required")
            : new ExecResult(0, "the password is s3cret-pw\n", ""));
    run(hosts, RunOptions.defaults(), "- hosts: all\n  gather_facts: false\n  become: true\n  tasks:\n    - {name: t, run: whoami}\n");
    String sent = hosts.ran("a").get(hosts.ran("a").size() - 1);
    assertThat(sent).startsWith("sudo -H -S -k -p '' -u root -- /bin/sh -c whoami").doesNotContain("s3cret-pw");
    byte[] stdin = hosts.stdins.get("a").get(hosts.stdins.get("a").size() - 1);
    assertThat(new String(stdin, StandardCharsets.UTF_8)).isEqualTo("s3cret-pw\n");
    assertThat(result("a", "t").stdout()).isEqualTo("the password is ********").doesNotContain("s3cret-pw");
  }

  @Test
  void becomeWithSuSendsThePasswordOnStdinAndHidesItsPrompt() throws Exception {
    ScriptedHosts hosts = new ScriptedHosts(List.of("a"), Map.of("a", Map.of("ansible_become_password", "r00t-pw",
        "ansible_become_method", "su")))
        .answering((h, cmd) -> cmd.equals("id -un") ? new ExecResult(0, "deploy\n", "")
            : new ExecResult(0, "root\n", "Password: "));
    run(hosts, RunOptions.defaults(), "- hosts: all\n  gather_facts: false\n  become: true\n  tasks:\n    - {name: t, run: whoami}\n");
    List<String> ran = hosts.ran("a");
    assertThat(ran).containsExactly("id -un", "su -s /bin/sh root -c whoami");
    assertThat(new String(hosts.stdins.get("a").get(1), StandardCharsets.UTF_8)).isEqualTo("r00t-pw\n");
    assertThat(result("a", "t").stderr()).isEmpty();
  }

  @Test
  void anUndefinedVariableNamesTheVariableTaskAndLine() throws Exception {
    ScriptedHosts hosts = new ScriptedHosts(List.of("a"), Map.of());
    run(hosts, RunOptions.defaults(), "- hosts: all\n  gather_facts: false\n  tasks:\n    - name: greet\n      echo: {msg: \"{{ nope }}\"}\n");
    HostResult r = result("a", "greet");
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.msg()).isEqualTo(dir.resolve("site.yml") + ":4:7: task 'greet': undefined variable 'nope'");
  }
}
