package dev.hawser.engine.vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Defence in depth: the JEXL engine itself refuses scripts and Java access even if handed raw text. */
class ExpressionsTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "''.getClass()", "java.lang.System.exit(0)", "new('java.lang.Object')", "x = 1", "x += 1",
      "for (var i : [1]) i", "while (true) 1", "var y = 1", "function(a) { a }", "(a) -> a",
      "#pragma jexl.namespace.r java.lang.Runtime", "x.y()"
  })
  void jexlEngineRefusesScriptsAndCalls(String text) {
    assertThatThrownBy(() -> Expressions.jexl(text)).isInstanceOf(SyntaxException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"__0.class", "__0.bytes", "__0['class']", "__0.empty", "math:abs(1)"})
  void jexlEngineHasNoPermissionOnJavaMembers(String text) {
    Operand operand;
    try {
      operand = Expressions.jexl(text);
    } catch (SyntaxException refusedAtParse) {
      return;
    }
    Ctx ctx = new Ctx(Map.of("__0", new Nodes.Const("text")), new Resolver(Map.of()));
    assertThatThrownBy(() -> operand.eval(ctx)).isInstanceOf(ExprException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"__0 == __0", "!(__0 != __0)", "(__0 =~ __0) && true"})
  void operatorsStillWork(String text) {
    Ctx ctx = new Ctx(Map.of("__0", new Nodes.Const("text")), new Resolver(Map.of()));
    assertThat(Expressions.jexl(text).eval(ctx)).isEqualTo(true);
  }
}
