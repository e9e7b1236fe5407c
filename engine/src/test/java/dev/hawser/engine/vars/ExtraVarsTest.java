package dev.hawser.engine.vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtraVarsTest {
  @TempDir
  Path dir;

  @Test
  void keyValuePairsWithQuotesStayStrings() {
    assertThat(ExtraVars.parse("a=1 b=two  msg=\"hello world\" c='x y' empty= d=a=b", dir))
        .containsExactly(Map.entry("a", "1"), Map.entry("b", "two"), Map.entry("msg", "hello world"),
            Map.entry("c", "x y"), Map.entry("empty", ""), Map.entry("d", "a=b"));
  }

  @Test
  void jsonAndYamlMappings() {
    assertThat(ExtraVars.parse("{\"port\": 80, \"hosts\": [\"a\", \"b\"], \"on\": true}", dir))
        .containsEntry("port", 80).containsEntry("hosts", List.of("a", "b")).containsEntry("on", true);
    assertThat(ExtraVars.parse("{port: 80}", dir)).containsEntry("port", 80);
    assertThat(ExtraVars.parse("port: 80", dir)).containsEntry("port", 80);
  }

  @Test
  void filesRelativeToCwd() throws Exception {
    Files.writeString(dir.resolve("vars.yml"), "user: ann\nports:\n  - 22\n");
    Files.writeString(dir.resolve("vars.json"), "{\"x\": {\"y\": null}}");
    Files.writeString(dir.resolve("empty.yml"), "");
    assertThat(ExtraVars.parse("@vars.yml", dir)).containsEntry("user", "ann").containsEntry("ports", List.of(22));
    assertThat(ExtraVars.parse("@vars.json", dir).get("x")).isEqualTo(java.util.Collections.singletonMap("y", null));
    assertThat(ExtraVars.parse("@empty.yml", dir)).isEmpty();
  }

  @Test
  void badInputNamesTheArgumentOrFile() throws Exception {
    assertThatThrownBy(() -> ExtraVars.parse("@missing.yml", dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot read extra vars file 'missing.yml': no such file");
    Files.writeString(dir.resolve("list.yml"), "- a\n- b\n");
    assertThatThrownBy(() -> ExtraVars.parse("@list.yml", dir))
        .hasMessage("extra vars file 'list.yml' must be a mapping of variable names to values, not list");
    Files.writeString(dir.resolve("broken.yml"), "a: [1, 2\nb: 3\n");
    assertThatThrownBy(() -> ExtraVars.parse("@broken.yml", dir))
        .hasMessageStartingWith("cannot parse extra vars file 'broken.yml': ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> ExtraVars.parse("{a: 1", dir))
        .hasMessageStartingWith("cannot parse extra vars '{a: 1': ");
    assertThatThrownBy(() -> ExtraVars.parse("justaword", dir))
        .hasMessage("invalid extra vars 'justaword': expected key=value pairs, a JSON/YAML mapping or @file");
    assertThatThrownBy(() -> ExtraVars.parse("a='unterminated", dir))
        .hasMessage("invalid extra vars 'a='unterminated': unterminated quote");
    assertThatThrownBy(() -> ExtraVars.parse("bad-key=1", dir))
        .hasMessage("invalid extra vars 'bad-key=1': 'bad-key' is not a valid variable name");
    assertThatThrownBy(() -> ExtraVars.parse("  ", dir)).hasMessage("empty extra vars argument");
  }
}
