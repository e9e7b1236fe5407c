package dev.hawser.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected texts are Python's json.dumps(v, sort_keys=True, ensure_ascii=False[, indent=4]). */
class PyJsonTest {
  private static Map<String, Object> sample() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", null);
    inner.put("a", true);
    List<Object> b = new ArrayList<>(List.of(1, 2.5, inner));
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("b", b);
    v.put("a", "q\"\\\n\t\u0001\u00e9\u20ac");
    v.put("e", Map.of());
    v.put("l", List.of());
    v.put("f", 1e-05);
    v.put("g", 1e16);
    v.put("h", 3.0);
    v.put("i", 12345678.5);
    return v;
  }

  @Test
  void oneLineMatchesPython() {
    assertThat(PyJson.oneLine(sample())).isEqualTo("{\"a\": \"q\\\"\\\\\\n\\t\\u0001\u00e9\u20ac\","
        + " \"b\": [1, 2.5, {\"a\": true, \"z\": null}], \"e\": {}, \"f\": 1e-05, \"g\": 1e+16,"
        + " \"h\": 3.0, \"i\": 12345678.5, \"l\": []}");
  }

  @Test
  void indentedMatchesPython() {
    assertThat(PyJson.indented(sample())).isEqualTo("{\n    \"a\": \"q\\\"\\\\\\n\\t\\u0001\u00e9"
        + "\u20ac\",\n    \"b\": [\n        1,\n        2.5,\n        {\n            \"a\": true,\n"
        + "            \"z\": null\n        }\n    ],\n    \"e\": {},\n    \"f\": 1e-05,\n"
        + "    \"g\": 1e+16,\n    \"h\": 3.0,\n    \"i\": 12345678.5,\n    \"l\": []\n}");
  }

  @Test
  void textWrapKeepsLeadingSpaceAndCutsLongWords() {
    assertThat(TextWrap.wrap("\n[ERROR]: User interrupted execution", 79))
        .containsExactly(" [ERROR]: User interrupted execution");
    assertThat(TextWrap.wrap("ab " + "x".repeat(12), 10)).containsExactly("ab xxxxxxx", "xxxxx");
    assertThat(TextWrap.wrap("one two  three", 8)).containsExactly("one two", "three");
  }
}
