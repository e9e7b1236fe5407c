package dev.hawser.engine.vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionsTest {
  private final Conditions conditions = new Conditions();

  private static Map<String, Object> vars() {
    Map<String, Object> v = new HashMap<>();
    v.put("n", 5);
    v.put("s5", "5");
    v.put("name", "web01");
    v.put("items", List.of("a", "b"));
    v.put("none", null);
    v.put("ok", Map.of("rc", 0, "changed", false, "failed", false, "stdout", "all good\nbye",
        "stdout_lines", List.of("all good", "bye")));
    v.put("bad", Map.of("rc", 2, "changed", true, "failed", true, "stdout", ""));
    v.put("skip", Map.of("skipped", true, "changed", false));
    v.put("looped", Map.of("changed", false, "results", List.of(Map.of("changed", false), Map.of("changed", true))));
    v.put("flag_true", true);
    v.put("flag_false", false);
    v.put("yes", "yes");
    v.put("no", "no");
    v.put("True_s", "True");
    v.put("false_s", "false");
    v.put("list_full", List.of(1));
    v.put("list_empty", List.of());
    v.put("lazy", "{{ n > 3 }}");
    v.put("path", "/srv/{{ name }}");
    return v;
  }

  private boolean test(Object condition) throws ConditionException {
    return conditions.test(condition, vars());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "n == 5", "n != 4", "n > 3 and n < 10", "n < 3 or n == 5", "not n == 4", "not (n > 10)",
      "1 < n < 10", "n >= 5", "n <= 5", "n + 1 == 6", "n * 2 - 1 == 9", "n % 2 == 1", "n / 2 == 2.5",
      "s5 | int == 5", "s5 | int > 3", "n | string == '5'", "n == 5.0", "s5 == '5'",
      "name is defined", "nope is not defined", "nope is undefined", "ok.rc is defined", "ok.nope is not defined",
      "nope.rc is not defined", "none is none", "n is not none",
      "ok is succeeded", "ok is success", "ok is not failed", "bad is failed", "bad is failure",
      "bad is changed", "ok is not changed", "skip is skipped", "ok is not skipped", "looped is changed",
      "'a' in items", "'z' not in items", "'good' in ok.stdout", "'bad' not in ok.stdout", "'rc' in ok",
      "flag_true", "yes", "True_s", "list_full", "not flag_false", "not no | bool", "yes | bool",
      "True", "true", "not False", "None is none", "ok.rc == 0", "ok['rc'] == 0", "bad.rc != 0",
      "ok.stdout_lines | length == 2", "ok.stdout_lines[0] == 'all good'", "items | length > 1",
      "nope | default(3) == 3", "nope | default('x') == 'x'", "nope is not defined or nope == 1",
      "name is defined and name == 'web01'", "nope is defined and nope.x == 1 or n == 5",
      "{{ n == 5 }}", "  {{ name == 'web01' }}  ", "lazy", "path == '/srv/web01'", "'web' in name",
      "name != none", "n in [1, 5]", "name ~ '!' == 'web01!'", "(n > 3) == true", "{'a': 1}.a == 1",
      "n == 5 if name == 'web01' else false", "name.startswith('web')", "name.endswith('01')",
      "ok.stdout.find('good') != -1", "name.upper() == 'WEB01'", "ok.stdout.splitlines()[1] == 'bye'",
      "ok.get('nope', 3) == 3", "'rc' in ok.keys()", "'a,b'.split(',')[1] == 'b'", "' x '.strip() == 'x'"
  })
  void holds(String condition) throws Exception {
    assertThat(test(condition)).as(condition).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "n == 4", "n == '5'", "s5 == 5", "not n == 5", "n > 5", "n < 5 and name == 'web01'",
      "name is not defined", "nope is defined", "ok.nope is defined", "n is none",
      "ok is failed", "bad is succeeded", "ok is changed", "ok is skipped",
      "'z' in items", "'bad' in ok.stdout", "flag_false", "no", "false_s", "list_empty", "not yes",
      "False", "false", "None", "bad.rc == 0", "'x' | bool", "none"
  })
  void doesNotHold(String condition) throws Exception {
    assertThat(test(condition)).as(condition).isFalse();
  }

  @Test
  void booleansNullAndLists() throws Exception {
    assertThat(test(true)).isTrue();
    assertThat(test(false)).isFalse();
    assertThat(test(null)).isTrue();
    assertThat(test("")).isTrue();
    assertThat(test(List.of())).isTrue();
    assertThat(test(List.of("n == 5", true, "'a' in items"))).isTrue();
    assertThat(test(List.of("n == 5", "n == 4"))).isFalse();
  }

  @Test
  void listOfConditionsStopsAtFirstFalse() throws Exception {
    assertThat(test(List.of("n == 4", "nope == 1"))).isFalse();
  }

  @Test
  void shortCircuitDoesNotEvaluateUndefinedBranch() throws Exception {
    assertThat(test("nope is defined and nope.rc == 0")).isFalse();
    assertThat(test("n == 5 or nope")).isTrue();
  }

  @Test
  void undefinedVariableIsNamed() {
    assertThatThrownBy(() -> test("x == 1"))
        .isInstanceOfSatisfying(ConditionException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("undefined variable 'x' in condition 'x == 1'");
          assertThat(e.variable()).isEqualTo("x");
        });
    assertThatThrownBy(() -> test("ok.stderr == ''"))
        .hasMessage("undefined variable 'ok.stderr' in condition 'ok.stderr == '''");
    assertThatThrownBy(() -> test(List.of(true, "x.y")))
        .isInstanceOfSatisfying(ConditionException.class, e -> assertThat(e.variable()).isEqualTo("x"));
  }

  @Test
  void syntaxErrorsAreOneLine() {
    assertThatThrownBy(() -> test("n ==")).isInstanceOf(ConditionException.class)
        .hasMessage("cannot parse condition 'n ==': unexpected end of expression");
    assertThatThrownBy(() -> test("n = 5")).hasMessage("cannot parse condition 'n = 5': unexpected character '='");
    assertThatThrownBy(() -> test("(n == 5")).hasMessage("cannot parse condition '(n == 5': expected ')', found end of expression");
    assertThatThrownBy(() -> test("n ==\n 5 )")).hasMessage("cannot parse condition 'n == 5 )': unexpected ')'");
    assertThatThrownBy(() -> test("n | nosuch")).hasMessage("cannot parse condition 'n | nosuch': unsupported filter 'nosuch'");
    assertThatThrownBy(() -> test("n is odd")).hasMessage("cannot parse condition 'n is odd': unsupported test 'odd'");
  }

  @Test
  void typeErrorsAsInJinja() {
    assertThatThrownBy(() -> test("s5 > 3"))
        .hasMessage("cannot evaluate condition 's5 > 3': '>' not supported between instances of 'str' and 'int'");
    assertThatThrownBy(() -> test("1 in name"))
        .hasMessageContaining("'in <string>' requires string as left operand, not int");
    assertThatThrownBy(() -> test("n is failed"))
        .hasMessageContaining("the 'failed' test expects a registered result");
  }

  @Test
  void recursiveVariableInCondition() {
    Map<String, Object> v = Map.of("a", "{{ b }}", "b", "{{ a }}");
    assertThatThrownBy(() -> conditions.test("a == 1", v))
        .hasMessage("cannot evaluate condition 'a == 1': recursive loop in variable 'a'");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "''.getClass()", "name.getClass().getName() == 'x'", "java.lang.System.exit(0)",
      "''.class.forName('java.lang.Runtime')", "new('java.lang.Object')", "x = 1", "name.length()",
      "exit(0)", "n; n", "for (x : items) 1", "var x = 1", "n =~ 'a'", "#pragma x 1", "@x n",
      "items.size()", "__0"
  })
  void sandboxRefusesJavaAccessAndScripts(String condition) {
    assertThatThrownBy(() -> test(condition)).isInstanceOf(ConditionException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void unsupportedConditionType() {
    assertThatThrownBy(() -> test(Map.of("a", 1))).hasMessage("unsupported condition of type dict");
  }
}
