package dev.hawser.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueParsingTest {

    @Test
    void rangesExpandLikeAnsible() {
        assertThat(HostRanges.expand("web[01:03]")).containsExactly("web01", "web02", "web03");
        assertThat(HostRanges.expand("db-[a:c]")).containsExactly("db-a", "db-b", "db-c");
        assertThat(HostRanges.expand("n[1:10:4]")).containsExactly("n1", "n5", "n9");
        assertThat(HostRanges.expand("[:2]x")).containsExactly("0x", "1x", "2x");
        assertThat(HostRanges.expand("r[1:2]-[a:b].dc")).containsExactly("r1-a.dc", "r1-b.dc", "r2-a.dc", "r2-b.dc");
        assertThat(HostRanges.expand("h[3:1]")).isEmpty();
        assertThat(HostRanges.expand("plain")).containsExactly("plain");
        assertThatThrownBy(() -> HostRanges.expand("h[1]")).hasMessageContaining("begin:end or begin:end:step");
        assertThatThrownBy(() -> HostRanges.expand("h[c:a]")).hasMessageContaining("begin <= end");
    }

    @Test
    void addressesSplitOffPorts() {
        assertThat(HostRanges.parseAddress("web:22")).isEqualTo(new HostRanges.Address("web", 22));
        assertThat(HostRanges.parseAddress("w[1:2]:22")).isEqualTo(new HostRanges.Address("w[1:2]", 22));
        assertThat(HostRanges.parseAddress("[fe80::1]:22")).isEqualTo(new HostRanges.Address("fe80::1", 22));
        assertThat(HostRanges.parseAddress("fe80::1")).isEqualTo(new HostRanges.Address("fe80::1", null));
        assertThat(HostRanges.parseAddress("w[1:2]")).isEqualTo(new HostRanges.Address("w[1:2]", null));
    }

    @Test
    void pythonLiteralsFollowLiteralEval() {
        assertThat(PythonLiteral.parse("42")).isEqualTo(42);
        assertThat(PythonLiteral.parse("-7")).isEqualTo(-7);
        assertThat(PythonLiteral.parse("0x1F")).isEqualTo(31);
        assertThat(PythonLiteral.parse("1_000")).isEqualTo(1000);
        assertThat(PythonLiteral.parse("12345678901")).isEqualTo(12345678901L);
        assertThat(PythonLiteral.parse("123456789012345678901234")).isEqualTo(new BigInteger("123456789012345678901234"));
        assertThat(PythonLiteral.parse("0080")).isEqualTo("0080");
        assertThat(PythonLiteral.parse("00")).isEqualTo(0);
        assertThat(PythonLiteral.parse("1.5")).isEqualTo(1.5);
        assertThat(PythonLiteral.parse("1e3")).isEqualTo(1000.0);
        assertThat(PythonLiteral.parse("True")).isEqualTo(true);
        assertThat(PythonLiteral.parse("true")).isEqualTo("true");
        assertThat(PythonLiteral.parse("None")).isNull();
        assertThat(PythonLiteral.parse("'it''s'")).isEqualTo("its");
        assertThat(PythonLiteral.parse("\"a\\tb\"")).isEqualTo("a\tb");
        assertThat(PythonLiteral.parse("[1, 'a', [True]]")).isEqualTo(List.of(1, "a", List.of(true)));
        assertThat(PythonLiteral.parse("(1, 2)")).isEqualTo(List.of(1, 2));
        Map<Object, Object> dict = new java.util.LinkedHashMap<>();
        dict.put("k", List.of(1));
        dict.put(2, null);
        assertThat(PythonLiteral.parse("{'k': [1], 2: None}")).isEqualTo(dict);
        assertThat(PythonLiteral.parse("{1, 2}")).isEqualTo(List.of(1, 2));
        assertThat(PythonLiteral.parse("[1, 2")).isEqualTo("[1, 2");
        assertThat(PythonLiteral.parse("a b")).isEqualTo("a b");
        assertThat(PythonLiteral.parse("")).isEqualTo("");
        assertThat(PythonLiteral.parse("1+2")).isEqualTo("1+2");
    }

    @Test
    void shellWordsFollowShlex() {
        assertThat(ShellWords.split("h a=\"x y\" b='p q' c=d\\ e")).containsExactly("h", "a=x y", "b=p q", "c=d e");
        assertThat(ShellWords.split("h a=\"say \\\"hi\\\"\" b=\"\\n\"")).containsExactly("h", "a=say \"hi\"", "b=\\n");
        assertThat(ShellWords.split("h a=1 # comment b=2")).containsExactly("h", "a=1");
        assertThatThrownBy(() -> ShellWords.split("h a='x")).hasMessage("No closing quotation");
    }
}
