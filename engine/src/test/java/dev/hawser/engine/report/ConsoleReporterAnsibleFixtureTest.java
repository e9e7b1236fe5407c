package dev.hawser.engine.report;

import static dev.hawser.engine.report.Events.item;
import static dev.hawser.engine.report.Events.json;
import static dev.hawser.engine.report.Events.noLog;
import static dev.hawser.engine.report.Events.resource;
import static dev.hawser.engine.report.Events.result;
import static dev.hawser.engine.report.Events.show;
import static dev.hawser.engine.report.Events.withDiff;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hawser.engine.spi.Diff;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replays the events of the playbooks under src/test/resources/report/playbooks and compares the
 * output with what ansible-playbook printed for them, byte for byte.
 */
class ConsoleReporterAnsibleFixtureTest {
  private static final String UNREACHABLE = "{\"changed\": false, \"msg\": \"Failed to connect to"
      + " the host via ssh: ssh: connect to host 127.0.0.1 port 1: Connection refused\","
      + " \"unreachable\": true}";

  @Test
  void basicRunMatchesAnsible() {
    Events.Capture out = new Events.Capture();
    RunListener c = new ConsoleReporter(out.stream, false, 0, false);
    c.playbookStart("fa.yml", false);
    c.playStart("Web servers");
    c.taskStart("say hello", false);
    c.hostResult(result("web1", "say hello", Status.OK, show("{\"msg\": \"hello\"}")));
    c.hostResult(result("bogus", "say hello", Status.OK, show("{\"msg\": \"hello\"}")));
    c.taskStart("run true", false);
    c.hostResult(result("bogus", "run true", Status.UNREACHABLE, json(UNREACHABLE)));
    c.hostResult(result("web1", "run true", Status.CHANGED, json("{\"changed\": true, \"rc\": 0}")));
    c.taskStart("skip me", false);
    c.hostResult(result("web1", "skip me", Status.SKIPPED, json("{\"changed\": false}")));
    c.taskStart("loop items", false);
    c.itemResult(item("web1", "loop items", Status.CHANGED, "a", json("{\"changed\": true}")));
    c.itemResult(item("web1", "loop items", Status.CHANGED, "b", json("{\"changed\": true}")));
    c.hostResult(result("web1", "loop items", Status.CHANGED, json("{\"changed\": true}")));
    c.taskStart("fail ignored", false);
    c.hostResult(result("web1", "fail ignored", Status.IGNORED, json("{\"changed\": true, \"cmd\":"
        + " [\"/bin/false\"], \"delta\": \"0:00:00.002825\", \"end\": \"2026-11-25 18:17:05.015429\","
        + " \"msg\": \"non-zero return code\", \"rc\": 1, \"start\": \"2026-11-25 18:17:05.012604\","
        + " \"stderr\": \"\", \"stderr_lines\": [], \"stdout\": \"\", \"stdout_lines\": []}")));
    c.taskStart("loop skip", false);
    c.itemResult(item("web1", "loop skip", Status.SKIPPED, "1", json("{}")));
    c.itemResult(item("web1", "loop skip", Status.SKIPPED, "2", json("{}")));
    c.hostResult(result("web1", "loop skip", Status.SKIPPED, json("{}")));
    c.taskStart("secret", false);
    c.hostResult(noLog(result("web1", "secret", Status.CHANGED, json("{\"stdout\": \"secret\"}"))));
    c.taskStart("secret fail", false);
    c.hostResult(noLog(result("web1", "secret fail", Status.IGNORED,
        json("{\"changed\": true, \"stdout\": \"secret\", \"rc\": 1}"))));
    c.taskStart("debug var", false);
    c.hostResult(result("web1", "debug var", Status.OK,
        show("{\"ansible_connection\": \"local\", \"changed\": false}")));
    c.taskStart("restart app", true);
    c.hostResult(result("web1", "restart app", Status.OK, show("{\"msg\": \"restarted\"}")));
    c.playStart("Second play <&\"'>");
    c.taskStart("loop fail", false);
    c.itemResult(item("web1", "loop fail", Status.CHANGED, "/bin/true", json("{\"changed\": true}")));
    c.itemResult(item("web1", "loop fail", Status.FAILED, "/bin/false", json("{\"ansible_loop_var\":"
        + " \"item\", \"changed\": true, \"cmd\": [\"/bin/false\"], \"delta\": \"0:00:00.002633\","
        + " \"end\": \"2026-11-25 18:17:05.648186\", \"item\": \"/bin/false\", \"msg\": \"non-zero"
        + " return code\", \"rc\": 1, \"start\": \"2026-11-25 18:17:05.645553\", \"stderr\": \"\","
        + " \"stderr_lines\": [], \"stdout\": \"\", \"stdout_lines\": []}")));
    c.hostResult(result("web1", "loop fail", Status.FAILED, json("{\"msg\": \"One or more items failed\"}")));
    Map<String, HostStats> recap = new LinkedHashMap<>();
    recap.put("web1", new HostStats(8, 5, 0, 1, 2, 0, 2));
    recap.put("bogus", new HostStats(1, 0, 1, 0, 0, 0, 0));
    c.playbookEnd(recap, false);

    assertThat(out.text()).isEqualTo(resource("ansible-basic.out"));
  }

  @Test
  void verboseDiffRunMatchesAnsible() {
    Events.Capture out = new Events.Capture();
    RunListener c = new ConsoleReporter(out.stream, false, 1, true);
    c.playbookStart("fb.yml", false);
    c.playStart("Verbose");
    c.taskStart("edit config", false);
    String before = "name=app\nhost=0.0.0.0\nport=80\nworkers=4\nlog=info\ntimeout=30\nretries=3\n"
        + "user=app\ngroup=app\nmode=prod\n";
    String after = before.replace("port=80\n", "port=8080\n");
    Map<String, Object> edit = json("{\"ansible_facts\": {\"discovered_interpreter_python\":"
        + " \"/usr/bin/python3\"}, \"backup\": \"\", \"changed\": true, \"msg\": \"line replaced\","
        + " \"diff\": [{\"before\": \"x\"}], \"_hawser_module\": \"lineinfile\"}");
    c.hostResult(withDiff(result("localhost", "edit config", Status.CHANGED, edit),
        new Diff("/tmp/rep/app.conf (content)", before, after)));
    c.taskStart("cmd", false);
    c.hostResult(result("localhost", "cmd", Status.CHANGED, json("{\"changed\": true, \"cmd\":"
        + " [\"echo\", \"hi\"], \"delta\": \"0:00:00.002853\", \"end\": \"2026-11-25 18:17:09.916793\","
        + " \"msg\": \"\", \"rc\": 0, \"start\": \"2026-11-25 18:17:09.913940\", \"stderr\": \"\","
        + " \"stderr_lines\": [], \"stdout\": \"hi\", \"stdout_lines\": [\"hi\"]}")));
    c.taskStart("skip me", false);
    c.hostResult(result("localhost", "skip me", Status.SKIPPED,
        json("{\"changed\": false, \"skip_reason\": \"Conditional result was False\"}")));
    c.taskStart("loop dbg", false);
    c.itemResult(item("localhost", "loop dbg", Status.OK, "a",
        show("{\"msg\": \"a\", \"ansible_loop_var\": \"item\", \"item\": \"a\"}")));
    c.hostResult(result("localhost", "loop dbg", Status.OK, json("{\"changed\": false}")));
    c.taskStart("loop skip", false);
    c.itemResult(item("localhost", "loop skip", Status.SKIPPED, "1",
        json("{\"ansible_loop_var\": \"item\", \"item\": 1}")));
    c.hostResult(result("localhost", "loop skip", Status.SKIPPED,
        json("{\"msg\": \"All items skipped\"}")));
    c.taskStart("secret", false);
    c.hostResult(noLog(result("localhost", "secret", Status.CHANGED,
        json("{\"changed\": true, \"stdout\": \"secret\"}"))));
    c.taskStart("ping", false);
    c.hostResult(result("localhost", "ping", Status.OK, json("{\"changed\": false, \"ping\": \"pong\"}")));
    c.playbookEnd(Map.of("localhost", new HostStats(5, 3, 0, 0, 2, 0, 0)), false);

    String ansible = resource("ansible-verbose-diff.out");
    // Ansible's first -v line reports its config file; Hawser has none.
    assertThat(ansible).startsWith("No config file found; using defaults\n");
    assertThat(out.text()).isEqualTo(ansible.substring(ansible.indexOf('\n') + 1));
  }

  @Test
  void colouredRunWithDiffAndWarningMatchesAnsible() {
    Events.Capture out = new Events.Capture();
    Events.Capture err = new Events.Capture();
    RunListener c = new ConsoleReporter(out.stream, err.stream, true, 0, true);
    c.playbookStart("fc.yml", false);
    c.playStart("Colors");
    c.taskStart("ping", false);
    c.hostResult(result("bogus", "ping", Status.UNREACHABLE, json(UNREACHABLE)));
    c.hostResult(result("aa", "ping", Status.OK, json("{\"changed\": false, \"ping\": \"pong\"}")));
    c.taskStart("edit config", false);
    c.hostResult(withDiff(result("aa", "edit config", Status.CHANGED, json("{\"changed\": true}")),
        new Diff("/tmp/rep/app.conf (content)", "name=app\nport=80\nlast", "name=app\nport=8080\nlast")));
    c.taskStart("ign", false);
    c.hostResult(result("aa", "ign", Status.IGNORED, json("{\"changed\": true, \"cmd\": [\"/bin/false\"],"
        + " \"delta\": \"0:00:00.006139\", \"end\": \"2026-11-25 18:17:16.303044\", \"msg\": \"non-zero"
        + " return code\", \"rc\": 1, \"start\": \"2026-11-25 18:17:16.296905\", \"stderr\": \"\","
        + " \"stderr_lines\": [], \"stdout\": \"\", \"stdout_lines\": []}")));
    c.taskStart("items", false);
    c.itemResult(item("aa", "items", Status.CHANGED, "a", json("{\"changed\": true}")));
    c.hostResult(result("aa", "items", Status.CHANGED, json("{\"changed\": true}")));
    c.taskStart("dbg", false);
    c.hostResult(result("aa", "dbg", Status.OK, show("{\"msg\": \"hi\"}")));
    c.taskStart("warn", false);
    String warning = "conditional statements should not include jinja2 templating delimiters such"
        + " as {{ }} or {% %}. Found: {{ inventory_hostname == 'nothere' }}";
    c.warning(warning);
    c.warning(warning);
    c.hostResult(result("aa", "warn", Status.SKIPPED, json("{\"changed\": false}")));
    Map<String, HostStats> recap = new LinkedHashMap<>();
    recap.put("bogus", new HostStats(0, 0, 1, 0, 0, 0, 0));
    recap.put("aa", new HostStats(5, 3, 0, 0, 1, 0, 1));
    c.playbookEnd(recap, false);

    assertThat(out.text()).isEqualTo(resource("ansible-color-diff.out"));
    assertThat(err.text()).isEqualTo(resource("ansible-color-diff.err"));
  }

  @Test
  void longWarningWrapsAt79ColumnsAsAnsible() {
    Events.Capture out = new Events.Capture();
    Events.Capture err = new Events.Capture();
    new ConsoleReporter(out.stream, err.stream, false, 0, false).warning("conditional statements"
        + " should not include jinja2 templating delimiters such as {{ }} or {% %}. Found: {{ 1 }}"
        + " == 1 and this_is_a_very_long_variable_name_to_force_wrapping_in_the_warning_output"
        + " is not defined");

    assertThat(err.text()).isEqualTo(resource("ansible-warning-wrap.err"));
    assertThat(out.text()).isEmpty();
  }

  @Test
  void interruptionReportsAsAnsibleThenRecaps() {
    Events.Capture out = new Events.Capture();
    Events.Capture err = new Events.Capture();
    new ConsoleReporter(out.stream, err.stream, false, 0, false)
        .playbookEnd(Map.of("web1", new HostStats(1, 1, 0, 0, 0, 0, 0)), true);

    assertThat(err.text()).isEqualTo(resource("ansible-interrupted.err"));
    assertThat(out.text()).startsWith("\nPLAY RECAP ***").contains("web1                       : ok=1 ");
  }
}
