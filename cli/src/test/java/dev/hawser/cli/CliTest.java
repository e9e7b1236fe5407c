package dev.hawser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  static Result hawser(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void inventoryListAndGraphOfTheFleetExample() throws Exception {
    Result list = hawser("inventory", "-i", "../inventory/fleet.yml", "--list");
    assertThat(list.code()).isZero();
    JsonNode json = new ObjectMapper().readTree(list.out());
    assertThat(json.at("/kvm_hosts/hosts").toString()).isEqualTo("[\"kvm01\",\"kvm02\",\"kvm03\"]");
    assertThat(json.at("/_meta/hostvars/kvm02/guest_memory").asInt()).isEqualTo(512);
    Result graph = hawser("inventory", "-i", "../inventory/fleet.yml", "--graph");
    assertThat(graph.out()).contains("@all:", "|--@kvm_hosts:", "|  |--kvm01", "|--@monitoring:");
  }

  @Test
  void aBrokenPlaybookExits5WithFileLineAndNoStackTrace() throws Exception {
    Path pb = dir.resolve("bad.yml");
    Files.writeString(pb, "- hosts: all\n  tasks:\n    - name: x\n      copy: {dest: /tmp/x, colour: red}\n");
    Result r = hawser("play", pb.toString(), "-i", "localhost,");
    assertThat(r.code()).isEqualTo(5);
    assertThat(r.err()).startsWith("ERROR! " + pb + ":4:28: task 'x': copy: parameter 'colour': unsupported parameter")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(hawser("play", dir.resolve("missing.yml").toString()).code()).isEqualTo(5);
    assertThat(hawser("play", pb.toString(), "--forks").code()).isEqualTo(5);
    Path fine = dir.resolve("fine.yml");
    Files.writeString(fine, "- hosts: all\n  tasks: []\n");
    Result noHosts = hawser("play", fine.toString(), "-i", "web1,web2,", "--limit", "db*");
    assertThat(noHosts.code()).isEqualTo(5);
    assertThat(noHosts.err()).contains("ERROR! Specified --limit 'db*' does not match any hosts");
  }

  @Test
  void aLocalRunWritesJsonAndJunitReports() throws Exception {
    Path pb = dir.resolve("ok.yml");
    Path target = dir.resolve("hello.txt");
    Files.writeString(pb, """
        - name: local
          hosts: localhost
          gather_facts: false
          tasks:
            - name: write
              copy: {content: "hi {{ who }}\\n", dest: "%s"}
        """.formatted(target));
    Path json = dir.resolve("report.json");
    Path junit = dir.resolve("junit.xml");
    Result r = hawser("play", pb.toString(), "-e", "who=there", "--report-json", json.toString(), "--junit", junit.toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(Files.readString(target)).isEqualTo("hi there\n");
    assertThat(r.out()).contains("changed: [localhost]")
        .contains("localhost                  : ok=1    changed=1    unreachable=0    failed=0");
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.at("/plays/0/tasks/0/hosts/localhost/status").asText()).isEqualTo("changed");
    assertThat(Files.readString(junit)).contains("<testcase", "[localhost] write");
    Result again = hawser("play", pb.toString(), "-e", "who=there");
    assertThat(again.out()).contains("ok: [localhost]").contains("changed=0");
  }
}
