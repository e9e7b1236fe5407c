package dev.hawser.engine.report;

import static dev.hawser.engine.report.Events.item;
import static dev.hawser.engine.report.Events.json;
import static dev.hawser.engine.report.Events.noLog;
import static dev.hawser.engine.report.Events.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FileReportsTest {
  private static final String PLAY = "Second play <&\"'>";
  private static final String TASK = "copy <a & b> \"q\" 'x'";

  @TempDir
  Path dir;

  /** Two plays: web1 changes, fails, skips, loops; web2 is unreachable; one result is no_log. */
  private static void run(RunListener l) {
    l.playbookStart("site.yml", true);
    l.playStart("First");
    l.taskStart("install", false);
    l.hostResult(result("web1", "install", Status.CHANGED, json("{\"changed\": true, \"rc\": 0}")));
    l.hostResult(result("web2", "install", Status.UNREACHABLE,
        json("{\"msg\": \"Connection refused\", \"unreachable\": true}")));
    l.taskStart("secret", false);
    l.hostResult(noLog(result("web1", "secret", Status.FAILED,
        json("{\"msg\": \"password s3cr3t wrong\", \"rc\": 2, \"stderr\": \"s3cr3t\"}"))));
    l.playStart(PLAY);
    l.taskStart(TASK, false);
    l.itemResult(item("web1", TASK, Status.CHANGED, "a", json("{\"changed\": true}")));
    l.itemResult(item("web1", TASK, Status.FAILED, "b", json("{\"msg\": \"bad <item> & \\u001b[0m\"}")));
    l.hostResult(result("web1", TASK, Status.FAILED,
        json("{\"msg\": \"One or more items failed\", \"rc\": 1, \"stderr\": \"oops \\u001b[31m<\"}")));
    l.taskStart("optional", false);
    l.hostResult(result("web1", "optional", Status.SKIPPED, json("{\"changed\": false}")));
    l.taskStart("restart", true);
    l.hostResult(result("web1", "restart", Status.IGNORED, json("{\"msg\": \"ignored\", \"rc\": 1}")));
    Map<String, HostStats> stats = new LinkedHashMap<>();
    stats.put("web1", new HostStats(1, 1, 0, 2, 1, 0, 1));
    stats.put("web2", new HostStats(0, 0, 1, 0, 0, 0, 0));
    l.playbookEnd(stats, false);
  }

  @Test
  void jsonReportParsesBackWithPlaysTasksHostsAndStats() throws Exception {
    Path file = dir.resolve("out/report.json");
    run(new JsonReport(file));

    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertThat(root.get("playbook").asText()).isEqualTo("site.yml");
    assertThat(root.get("check_mode").asBoolean()).isTrue();
    assertThat(root.get("plays")).hasSize(2);
    JsonNode install = root.at("/plays/0/tasks/0");
    assertThat(install.get("name").asText()).isEqualTo("install");
    assertThat(install.at("/hosts/web1/status").asText()).isEqualTo("changed");
    assertThat(install.at("/hosts/web1/changed").asBoolean()).isTrue();
    assertThat(install.at("/hosts/web1/rc").asInt()).isZero();
    assertThat(install.at("/hosts/web1/duration_ms").asLong()).isEqualTo(12);
    assertThat(install.at("/hosts/web2/status").asText()).isEqualTo("unreachable");
    assertThat(root.at("/plays/0/tasks/1/hosts/web1/msg").asText()).isEqualTo(ResultView.HIDDEN);
    assertThat(Files.readString(file)).doesNotContain("s3cr3t");

    JsonNode loop = root.at("/plays/1/tasks/0");
    assertThat(root.at("/plays/1/name").asText()).isEqualTo(PLAY);
    assertThat(loop.get("name").asText()).isEqualTo(TASK);
    assertThat(loop.at("/hosts/web1/items")).hasSize(2);
    assertThat(loop.at("/hosts/web1/items/1/item").asText()).isEqualTo("b");
    assertThat(loop.at("/hosts/web1/items/1/status").asText()).isEqualTo("failed");
    assertThat(root.at("/plays/1/tasks/2/handler").asBoolean()).isTrue();
    assertThat(root.at("/stats/web1/failed").asInt()).isEqualTo(2);
    assertThat(root.at("/stats/web2/unreachable").asInt()).isEqualTo(1);
    try (var files = Files.list(file.getParent())) {
      assertThat(files.toList()).containsExactly(file);
    }
  }

  @Test
  void junitReportHasOneSuitePerPlayAndOneCasePerHostAndTask() throws Exception {
    Path file = dir.resolve("junit.xml");
    Files.writeString(file, "stale");
    run(new JunitReport(file));

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(2);
    Element first = (Element) suites.item(0);
    assertThat(first.getAttribute("name")).isEqualTo("First");
    assertThat(first.getAttribute("tests")).isEqualTo("3");
    assertThat(first.getAttribute("failures")).isEqualTo("1");
    assertThat(first.getAttribute("errors")).isEqualTo("1");
    Element second = (Element) suites.item(1);
    assertThat(second.getAttribute("name")).isEqualTo(PLAY);
    assertThat(second.getAttribute("tests")).isEqualTo("3");
    assertThat(second.getAttribute("failures")).isEqualTo("1");
    assertThat(second.getAttribute("skipped")).isEqualTo("1");

    NodeList cases = doc.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(6);
    Element loop = (Element) cases.item(3);
    assertThat(loop.getAttribute("classname")).isEqualTo(PLAY);
    assertThat(loop.getAttribute("name")).isEqualTo("[web1] " + TASK);
    assertThat(loop.getAttribute("time")).isEqualTo("0.012");
    Element failure = (Element) loop.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("One or more items failed");
    assertThat(failure.getTextContent()).isEqualTo("rc: 1\nstderr:\noops [31m<\n");
    Element unreachable = (Element) cases.item(1);
    assertThat(unreachable.getElementsByTagName("error").getLength()).isEqualTo(1);
    Element secret = (Element) cases.item(2);
    assertThat(((Element) secret.getElementsByTagName("failure").item(0)).getAttribute("message"))
        .isEqualTo(ResultView.HIDDEN);
    assertThat(((Element) cases.item(4)).getElementsByTagName("skipped").getLength()).isEqualTo(1);
    assertThat(((Element) cases.item(5)).getChildNodes().getLength()).isZero();
    assertThat(Files.readString(file)).doesNotContain("s3cr3t").doesNotContain("stale");
  }

  @Test
  void junitCleansCharactersXmlCannotHold() {
    assertThat(JunitReport.clean("a\u001b[0mb\u0000\tc")).isEqualTo("a[0mb\tc");
    assertThat(JunitReport.clean(null)).isEmpty();
  }
}
