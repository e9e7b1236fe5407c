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
    assertThatThrownBy(() -> test("n is nosuch")).hasMessage("cannot parse condition 'n is nosuch': unsupported test 'nosuch'");
    assertThatThrownBy(() -> test("n is odd(1)")).hasMessage("cannot parse condition 'n is odd(1)': test 'odd' takes at most 0 argument(s)");
    assertThatThrownBy(() -> test("name is match(regex='a')"))
        .hasMessage("cannot parse condition 'name is match(regex='a')': test 'match' has no argument 'regex'");
  }

  /** Tests with arguments; each checked against ansible-core's debug output. */
  @ParameterizedTest
  @ValueSource(strings = {
      "name is match('web')", "name is not match('01')", "name is search('01')", "name is regex('^w')",
      "name is regex('b0', match_type='search')", "name is not regex('b0', match_type='match')",
      "'WEB' is match('web', ignorecase=true)", "'a\nb' is search('^b$', multiline=true)",
      "'key: val' is match('(?P<k>\\w+): (?P=k)|key')", "'x_y' is match('(?P<first_part>x)_')",
      "n is equalto 5", "n is equalto(5)", "n is eq(5)", "n is ne 4", "n is gt(4)", "n is ge 5",
      "n is lt(6)", "n is le 5", "n is in([1, 5])", "'a' is in(items)", "'x' is not in items",
      "items is contains('a')", "n is odd", "6 is even", "n is divisibleby(5)", "n is divisibleby 5",
      "'1.10' is version('1.9', '>=')", "'1.2.3' is version('1.2.3', 'eq')", "'1.2' is version('1.10', 'lt')",
      "'1.2.3' is version('1.2.3')", "'2.0' is version('1.9.9', operator='gt')", "'1.0a' is version('1.0', '>')",
      "'10.0' is version_compare('9.0', '>')", "[1, 2] is subset([1, 2, 3])", "[1, 2, 3] is superset([1])",
      "items is subset(['a', 'b'])", "'x' is truthy", "'' is not truthy", "'' is falsy", "'no' is truthy",
      "'no' is falsy(convert_bool=true)", "'yes' is truthy(convert_bool=true)", "'abc' is lower", "'AB' is upper",
      "none is sameas none", "flag_true is sameas true",
      "items | select('equalto', 'a') | list == ['a']", "[1, 2, 3] | select('in', [2, 3]) | list == [2, 3]",
      "ok.stdout_lines | select('match', 'all') | list | length == 1",
      "nope | default('x', true) == 'x'", "'' | default('x', true) == 'x'", "'' | default('x') == ''",
      "['a', 'b'] | map('upper') | list == ['A', 'B']"
  })
  void testsWithArguments(String condition) throws Exception {
    assertThat(test(condition)).as(condition).isTrue();
  }

  @Test
  void testArgumentErrors() {
    assertThatThrownBy(() -> test("'1.x' is version('1.0', 'gte')")).hasMessageContaining("Invalid operator type (gte)");
    assertThatThrownBy(() -> test("n is match('a')")).hasMessageContaining("test 'match' expects a string, not int");
    assertThatThrownBy(() -> test("n is version")).hasMessageContaining("test 'version' needs the argument 'version'");
    assertThatThrownBy(() -> test("nope is match('a')")).hasMessageContaining("undefined variable 'nope'");
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
