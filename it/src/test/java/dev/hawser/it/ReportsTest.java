package dev.hawser.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hawser.it.support.HawserRun;
import dev.hawser.it.support.Resources;
import dev.hawser.it.support.SshHost;
import dev.hawser.it.support.TestInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** --report-json and --junit: both files are written, parse, and describe the run that happened. */
class ReportsTest {
  private static SshHost failing;
  private static SshHost fine;
  private static HawserRun run;
  private static Path json;
  private static Path junit;

  @BeforeAll
  static void runOnce() throws Exception {
    failing = SshHost.builder().name("rep1").start();
    fine = SshHost.builder().name("rep2").key(failing.key()).start();
    TestInventory inv = TestInventory.of(failing, fine);
    json = inv.dir().resolve("reports/run.json");
    junit = inv.dir().resolve("reports/junit.xml");
    Files.createDirectories(json.getParent());
    run = HawserRun.run(HawserRun.play(Resources.playbook("failing.yml"), inv, "-e", "victim=rep1",
        "--report-json", json.toString(), "--junit", junit.toString()));
  }

  @AfterAll
  static void stop() {
    for (SshHost h : new SshHost[] {failing, fine}) {
      if (h != null) {
        h.stop();
      }
    }
  }

  @Test
  void jsonReportHasEveryTaskAndTheRecapStats() throws Exception {
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertThat(root.path("check_mode").asBoolean(true)).isFalse();
    JsonNode tasks = root.path("plays").path(0).path("tasks");
    List<String> names = new ArrayList<>();
    tasks.forEach(t -> names.add(t.path("name").asText()));
    assertThat(names).containsExactly("Before", "Fails on the victim", "After");
    assertThat(tasks.path(1).path("hosts").path("rep1").path("status").asText()).isEqualTo("failed");
    assertThat(tasks.path(1).path("hosts").path("rep2").path("status").asText()).isEqualTo("skipped");
    assertThat(tasks.path(2).path("hosts").has("rep1")).isFalse();
    assertThat(tasks.path(2).path("hosts").path("rep2").path("status").asText()).isEqualTo("changed");

    for (String host : List.of("rep1", "rep2")) {
      HawserRun.Recap recap = run.recap(host);
      JsonNode stats = root.path("stats").path(host);
      assertThat(stats.path("ok").asInt(-1)).isEqualTo(recap.ok());
      assertThat(stats.path("changed").asInt(-1)).isEqualTo(recap.changed());
      assertThat(stats.path("failed").asInt(-1)).isEqualTo(recap.failed());
      assertThat(stats.path("skipped").asInt(-1)).isEqualTo(recap.skipped());
    }
  }

  @Test
  void junitReportHasOneCasePerHostAndTaskWithTheFailure() throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(1);
    Element suite = (Element) suites.item(0);
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(cases.getLength());
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    List<String> names = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      names.add(c.getAttribute("name"));
      if (c.getElementsByTagName("failure").getLength() > 0) {
        failed.add(c.getAttribute("name"));
      }
    }
    assertThat(names).contains("[rep1] Before", "[rep2] Before", "[rep1] Fails on the victim", "[rep2] After")
        .doesNotContain("[rep1] After");
    assertThat(failed).containsExactly("[rep1] Fails on the victim");
  }
}
