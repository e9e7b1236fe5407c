package dev.hawser.engine.report;

import static dev.hawser.engine.report.Events.item;
import static dev.hawser.engine.report.Events.json;
import static dev.hawser.engine.report.Events.noLog;
import static dev.hawser.engine.report.Events.result;
import static dev.hawser.engine.report.Events.show;
import static dev.hawser.engine.report.Events.withDiff;
import static dev.hawser.engine.report.Events.withSteps;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.engine.spi.Diff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsoleReporterTest {
  private static final String HIDDEN = "the output has been hidden due to the fact that 'no_log:"
      + " true' was specified for this result";

  @Test
  void colourFollowsNoColorForceColorAndTty() {
    assertThat(ConsoleReporter.colorWanted(Map.of(), true)).isTrue();
    assertThat(ConsoleReporter.colorWanted(Map.of(), false)).isFalse();
    assertThat(ConsoleReporter.colorWanted(Map.of("NO_COLOR", ""), true)).isFalse();
    assertThat(ConsoleReporter.colorWanted(Map.of("NO_COLOR", "1", "FORCE_COLOR", "1"), true))
        .isFalse();
    assertThat(ConsoleReporter.colorWanted(Map.of("FORCE_COLOR", "1"), false)).isTrue();
    assertThat(ConsoleReporter.colorWanted(Map.of("ANSIBLE_FORCE_COLOR", "true"), false)).isTrue();
    assertThat(ConsoleReporter.colorWanted(Map.of("ANSIBLE_FORCE_COLOR", "0"), false)).isFalse();
  }

  @Test
  void aDelegatedTaskNamesTheHostItRanOn() {
    Events.Capture out = new Events.Capture();
    ConsoleReporter c = new ConsoleReporter(out.stream, false, 0, false);
    c.taskStart("t", false);
    c.hostResult(result("web1", "t", Status.CHANGED, json("{\"changed\": true, \"_hawser_delegated_to\": \"db1\"}")));
    c.hostResult(result("web2", "t", Status.OK, json("{\"changed\": false}")));
    assertThat(out.text()).contains("changed: [web1 -> db1]\n").contains("ok: [web2]\n")
        .doesNotContain("_hawser_delegated_to");
  }

  @Test
  void colourOnlyWhenAsked() {
    for (boolean color : List.of(true, false)) {
      Events.Capture out = new Events.Capture();
      ConsoleReporter c = new ConsoleReporter(out.stream, color, 0, false);
      c.taskStart("t", false);
      c.hostResult(result("h", "t", Status.CHANGED, json("{\"changed\": true}")));
      c.hostResult(result("g", "t", Status.FAILED, json("{\"changed\": false, \"msg\": \"no\"}")));
      String text = out.text();
      if (color) {
        assertThat(text).contains("\033[0;33mchanged: [h]\033[0m\n")
            .contains("\033[0;31mfatal: [g]: FAILED! => {\"changed\": false, \"msg\": \"no\"}\033[0m\n");
      } else {
        assertThat(text).doesNotContain("\033").endsWith("changed: [h]\nfatal: [g]: FAILED! =>"
            + " {\"changed\": false, \"msg\": \"no\"}\n");
      }
    }
  }

  @Test
  void noLogHidesMessageOutputDiffsStepsAndItems() {
    Events.Capture out = new Events.Capture();
    ConsoleReporter c = new ConsoleReporter(out.stream, false, 3, true);
    c.playbookStart("p.yml", true);
    c.taskStart("secret", false);
    HostResult changed = withSteps(withDiff(noLog(result("h", "secret", Status.CHANGED,
        json("{\"changed\": true, \"stdout\": \"s3cr3t\", \"msg\": \"s3cr3t\"}"))),
        new Diff("/etc/pw", "old s3cr3t\n", "new s3cr3t\n")), List.of("echo s3cr3t"));
    c.hostResult(changed);
    c.hostResult(noLog(result("g", "secret", Status.FAILED, json("{\"msg\": \"s3cr3t\", \"rc\": 3}"))));
    c.itemResult(noLog(item("i", "secret", Status.OK, "s3cr3t", json("{\"msg\": \"s3cr3t\"}"))));
    c.hostResult(noLog(result("i", "secret", Status.OK, show("{\"msg\": \"s3cr3t\"}"))));

    assertThat(out.text()).doesNotContain("s3cr3t").doesNotContain("would run")
        .contains("changed: [h] => {\"censored\": \"" + HIDDEN + "\", \"changed\": true}\n")
        .contains("fatal: [g]: FAILED! => {\"censored\": \"" + HIDDEN + "\", \"changed\": false}\n")
        .contains("ok: [i] => (item=None) => {\"censored\": \"" + HIDDEN + "\"")
        .contains("ok: [i] => {\"censored\": \"" + HIDDEN + "\"}\n");
  }

  @Test
  void neverPrintsInternalKeys() {
    Events.Capture out = new Events.Capture();
    ConsoleReporter c = new ConsoleReporter(out.stream, false, 1, false);
    c.taskStart("t", false);
    c.hostResult(result("h", "t", Status.CHANGED,
        json("{\"changed\": true, \"_hawser_module\": \"command\", \"nested\": {\"_hawser_x\": 1,"
            + " \"_ansible_no_log\": false, \"keep\": 2}}")));
    c.hostResult(result("g", "t", Status.OK, show("{\"greeting\": \"hi\", \"changed\": false}")));

    assertThat(out.text()).doesNotContain("_hawser").doesNotContain("_ansible")
        .contains("changed: [h] => {\"changed\": true, \"nested\": {\"keep\": 2}}\n")
        .contains("ok: [g] => {\n    \"greeting\": \"hi\"\n}\n");
  }

  @Test
  void debugBelowItsVerbosityShowsAsAnsibleSkip() {
    for (int verbosity : List.of(0, 1, 2)) {
      Events.Capture out = new Events.Capture();
      ConsoleReporter c = new ConsoleReporter(out.stream, false, verbosity, false);
      c.taskStart("quiet", false);
      c.hostResult(result("localhost", "quiet", Status.OK,
          show("{\"msg\": \"hidden\", \"_hawser_verbosity\": 2}")));
      String tail = switch (verbosity) {
        case 0 -> "skipping: [localhost]\n";
        case 1 -> "skipping: [localhost] => {\"skipped_reason\": \"Verbosity threshold not met.\"}\n";
        default -> "ok: [localhost] => {\n    \"msg\": \"hidden\"\n}\n";
      };
      assertThat(out.text()).endsWith("***\n" + tail);
    }
  }

  @Test
  void plannedStepsShowInCheckModeAtVerbosityOne() {
    for (int verbosity : List.of(0, 1)) {
      Events.Capture out = new Events.Capture();
      ConsoleReporter c = new ConsoleReporter(out.stream, false, verbosity, false);
      c.playbookStart("p.yml", true);
      c.taskStart("install", false);
      c.hostResult(withSteps(result("h", "install", Status.CHANGED, json("{\"changed\": true}")),
          List.of("apt-get install -y nginx", "systemctl enable nginx")));
      String steps = "    would run: apt-get install -y nginx\n    would run: systemctl enable nginx\n";
      if (verbosity == 0) {
        assertThat(out.text()).endsWith("changed: [h]\n").doesNotContain("would run");
      } else {
        assertThat(out.text()).endsWith("changed: [h] => {\"changed\": true}\n" + steps);
      }
    }
  }

  @Test
  void longTitlesGetThreeStarsAndRecapKeepsTrailingSpaces() {
    Events.Capture out = new Events.Capture();
    ConsoleReporter c = new ConsoleReporter(out.stream, false, 0, false);
    c.playStart("x".repeat(90));
    c.playbookEnd(Map.of("a-very-long-host-name.example.com", new HostStats(12345, 0, 0, 0, 0, 0, 0)),
        false);

    assertThat(out.text()).startsWith("\nPLAY [" + "x".repeat(90) + "] ***\n").endsWith(
        "a-very-long-host-name.example.com : ok=12345 changed=0    unreachable=0    failed=0"
            + "    skipped=0    rescued=0    ignored=0   \n\n");
  }

  @Test
  void linesFromManyThreadsStayWhole() throws Exception {
    Events.Capture out = new Events.Capture();
    ConsoleReporter c = new ConsoleReporter(out.stream, true, 1, false);
    c.taskStart("t", false);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String host = "host" + i;
      expected.add("\033[0;33mchanged: [" + host + "] => {\"changed\": true, \"n\": " + i + "}\033[0m");
      Map<String, Object> r = json("{\"changed\": true, \"n\": " + i + "}");
      pool.execute(() -> c.hostResult(result(host, "t", Status.CHANGED, r)));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    List<String> lines = out.text().lines().skip(2).toList();
    assertThat(lines).containsExactlyInAnyOrderElementsOf(expected);
  }
}
