package dev.hawser.engine.vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VarScopesTest {
  @Test
  void laterLayersOverrideEarlierOnesInAnsibleOrder() {
    Map<String, Object> merged = VarScopes.builder()
        .extra(Map.of("e", "extra", "all", "extra"))
        .hostFacts(Map.of("f", "fact", "all", "fact", "e", "fact"))
        .taskVars(Map.of("t", "task", "all", "task", "f", "task"))
        .varsFiles(Map.of("vf", "file", "all", "file", "t", "file"))
        .playVars(Map.of("p", "play", "all", "play", "vf", "play"))
        .inventory(Map.of("i", "inv", "all", "inv", "p", "inv"))
        .build().merged();
    assertThat(merged).containsOnly(
        Map.entry("i", "inv"), Map.entry("p", "play"), Map.entry("vf", "file"), Map.entry("t", "task"),
        Map.entry("f", "fact"), Map.entry("e", "extra"), Map.entry("all", "extra"));
  }

  @Test
  void mappingsAreReplacedNotMerged() {
    Map<String, Object> merged = VarScopes.builder()
        .inventory(Map.of("conf", Map.of("a", 1, "b", 2)))
        .playVars(Map.of("conf", Map.of("a", 9)))
        .build().merged();
    assertThat(merged.get("conf")).isEqualTo(Map.of("a", 9));
  }

  @Test
  void repeatedCallsStackWithinALayerAndNullsAreKept() {
    Map<String, Object> block = new HashMap<>();
    block.put("x", "block");
    block.put("n", null);
    Map<String, Object> merged = VarScopes.builder()
        .taskVars(block).taskVars(Map.of("x", "task")).taskVars(null)
        .build().merged();
    assertThat(merged).containsEntry("x", "task").containsEntry("n", null);
  }

  @Test
  void isImmutableAndCanBeExtended() {
    Map<String, Object> source = new HashMap<>(Map.of("a", 1));
    VarScopes play = VarScopes.builder().playVars(source).build();
    source.put("a", 2);
    assertThat(play.merged()).containsEntry("a", 1);
    assertThatThrownBy(() -> play.merged().put("b", 1)).isInstanceOf(UnsupportedOperationException.class);
    VarScopes task = play.toBuilder().taskVars(Map.of("a", 3, "items", List.of())).build();
    assertThat(task.merged()).containsEntry("a", 3);
    assertThat(play.merged()).containsOnly(Map.entry("a", 1));
  }
}
