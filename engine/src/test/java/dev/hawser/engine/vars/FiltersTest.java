package dev.hawser.engine.vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filters with arguments and keyword arguments; expected values checked against ansible-core. */
class FiltersTest {
  private final Templater templater = new Templater();

  private Map<String, Object> vars() {
    Map<String, Object> v = new HashMap<>();
    v.put("users", List.of(
        Map.of("name", "ann", "uid", 1001, "admin", true, "home", Map.of("dir", "/home/ann")),
        Map.of("name", "bob", "uid", 1000, "admin", false, "home", Map.of("dir", "/home/bob")),
        Map.of("name", "Cy", "uid", 1002)));
    v.put("nums", List.of(3, 1, 4, 1, 5));
    v.put("conf", new LinkedHashMap<>(Map.of("port", 80)));
    v.put("empty", "");
    return v;
  }

  private Object render(String template) throws TemplateException {
    return templater.render(template, vars());
  }

  private void check(Object[][] cases) throws TemplateException {
    for (Object[] c : cases) {
      assertThat(render((String) c[0])).as((String) c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void keywordArgumentsAndDefault() throws Exception {
    check(new Object[][] {
        {"{{ empty | default('x', true) }}", "x"},
        {"{{ empty | default('x') }}", ""},
        {"{{ empty | default('x', boolean=true) }}", "x"},
        {"{{ missing | default(default_value='y') }}", "y"},
        {"{{ 'v' | mandatory }}", "v"},
        {"{{ ['a', 'b'] | join(d='-') }}", "a-b"},
        {"{{ users | join(', ', attribute='name') }}", "ann, bob, Cy"},
        {"{{ 'aaa' | replace('a', 'b', 2) }}", "bba"},
        {"{{ '0x1F' | int(base=16) }}", 31},
    });
    assertThatThrownBy(() -> render("{{ missing | mandatory }}"))
        .hasMessage("Mandatory variable 'missing' not defined.");
    assertThatThrownBy(() -> render("{{ missing | mandatory(msg='set it') }}")).hasMessage("set it");
    assertThatThrownBy(() -> render("{{ nums | sort(attribute='x', attribute='y') }}"))
        .hasMessageContaining("keyword argument 'attribute' repeated");
    assertThatThrownBy(() -> render("{{ nums | sort(reverse=true, 1) }}"))
        .hasMessageContaining("positional argument follows keyword argument");
    assertThatThrownBy(() -> render("{{ nums | sort(foo=1) }}")).hasMessageContaining("filter 'sort' has no argument 'foo'");
    assertThatThrownBy(() -> render("{{ 'a'.startswith(prefix='a') }}"))
        .hasMessageContaining("keyword arguments are not supported in method calls");
  }

  @Test
  void mapSelectAndReject() throws Exception {
    check(new Object[][] {
        {"{{ [1, 2] | map('string') | list }}", List.of("1", "2")},
        {"{{ users | map(attribute='name') | list }}", List.of("ann", "bob", "Cy")},
        {"{{ users | map(attribute='home.dir', default='-') | list }}", List.of("/home/ann", "/home/bob", "-")},
        {"{{ ['a', 'b'] | map('upper') | join }}", "AB"},
        {"{{ ['a', 'b'] | map('replace', 'a', 'x') | list }}", List.of("x", "b")},
        {"{{ [1, 2, 3, 4] | select('odd') | list }}", List.of(1, 3)},
        {"{{ [1, 2, 3, 4] | reject('odd') | list }}", List.of(2, 4)},
        {"{{ [1, 5, 3] | select('gt', 2) | list }}", List.of(5, 3)},
        {"{{ [0, 1, '', 'x'] | select | list }}", List.of(1, "x")},
        {"{{ ['ab', 'cd'] | select('match', 'c') | list }}", List.of("cd")},
        {"{{ ['ab', 'CD'] | select('match', 'c', ignorecase=true) | list }}", List.of("CD")},
        {"{{ ['a1', 'b2'] | map('regex_replace', '\\d', '') | list }}", List.of("a", "b")},
        {"{{ ['AB'] | map('regex_replace', 'a', '-', ignorecase=true) | list }}", List.of("-B")},
        {"{{ users | selectattr('admin', 'defined') | map(attribute='name') | list }}", List.of("ann", "bob")},
        {"{{ users | selectattr('admin') | map(attribute='name') | list }}", List.of("ann")},
        {"{{ users | selectattr('uid', 'equalto', 1000) | map(attribute='name') | first }}", "bob"},
        {"{{ users | rejectattr('uid', '==', 1000) | map(attribute='name') | list }}", List.of("ann", "Cy")},
        {"{{ users | selectattr('admin', 'undefined') | map(attribute='name') | list }}", List.of("Cy")},
    });
    assertThatThrownBy(() -> render("{{ users | map(attribute='shell') | list }}"))
        .hasMessageContaining("undefined variable '(item).shell'");
    assertThatThrownBy(() -> render("{{ nums | map('nosuch') | list }}")).hasMessageContaining("unsupported filter 'nosuch'");
    assertThatThrownBy(() -> render("{{ nums | select('nosuch') | list }}")).hasMessageContaining("unsupported test 'nosuch'");
    assertThatThrownBy(() -> render("{{ nums | select('odd', foo=1) | list }}"))
        .hasMessageContaining("test 'odd' has no argument 'foo'");
  }

  @Test
  void listFilters() throws Exception {
    check(new Object[][] {
        {"{{ 'ab' | list }}", List.of("a", "b")},
        {"{{ ['a', 'A', 'b', 'a'] | unique }}", List.of("a", "b")},
        {"{{ ['a', 'A', 'b'] | unique(case_sensitive=true) }}", List.of("a", "A", "b")},
        {"{{ ['b', 'A', 'a', 'C'] | sort }}", List.of("A", "a", "b", "C")},
        {"{{ [3, 1, 2] | sort(reverse=true) }}", List.of(3, 2, 1)},
        {"{{ [2, 1.5] | sort }}", List.of(1.5, 2)},
        {"{{ users | sort(attribute='uid') | map(attribute='name') | list }}", List.of("bob", "ann", "Cy")},
        {"{{ users | sort(attribute='name') | map(attribute='name') | first }}", "ann"},
        {"{{ ['b', 'A', 'c'] | min }}", "A"},
        {"{{ ['b', 'A', 'c'] | max }}", "c"},
        {"{{ nums | min }}-{{ nums | max }}", "1-5"},
        {"{{ (users | max(attribute='uid')).name }}", "Cy"},
        {"{{ [1, 2, 3.5] | sum }}", 6.5},
        {"{{ nums | sum }}", 14},
        {"{{ users | sum(attribute='uid') }}", 3003},
        {"{{ [1, [2, [3, [4]]]] | flatten }}", List.of(1, 2, 3, 4)},
        {"{{ [1, [2, [3, [4]]]] | flatten(1) }}", List.of(1, 2, List.of(3, List.of(4)))},
        {"{{ [1, none, [2, none]] | flatten }}", List.of(1, 2)},
        {"{{ [1, 2, 3] | difference([2]) }}", List.of(1, 3)},
        {"{{ [1, 2] | union([2, 3]) }}", List.of(1, 2, 3)},
        {"{{ [1, 2, 3] | intersect([3, 2, 5]) }}", List.of(2, 3)},
        {"{{ [1, 2] | symmetric_difference([2, 3]) }}", List.of(1, 3)},
        {"{{ [1, 2] | zip(['a', 'b']) | list }}", List.of(List.of(1, "a"), List.of(2, "b"))},
        {"{{ nums | reverse | list }}", List.of(5, 1, 4, 1, 3)},
    });
    assertThatThrownBy(() -> render("{{ [] | max }}")).hasMessageContaining("sequence was empty");
  }

  @Test
  void dictFilters() throws Exception {
    Map<String, Object> items = new LinkedHashMap<>();
    items.put("key", "port");
    items.put("value", 80);
    check(new Object[][] {
        {"{{ conf | dict2items }}", List.of(items)},
        {"{{ conf | dict2items(key_name='k', value_name='v') }}", List.of(Map.of("k", "port", "v", 80))},
        {"{{ [{'key': 'a', 'value': 1}] | items2dict }}", Map.of("a", 1)},
        {"{{ [{'n': 'a', 'v': 1}] | items2dict(key_name='n', value_name='v') }}", Map.of("a", 1)},
        {"{{ {'a': 1, 'b': {'x': 1} } | combine({'b': {'y': 2} }) }}", Map.of("a", 1, "b", Map.of("y", 2))},
        {"{{ {'a': 1, 'b': {'x': 1} } | combine({'b': {'y': 2} }, recursive=true) }}",
            Map.of("a", 1, "b", Map.of("x", 1, "y", 2))},
        {"{{ {'a': [1]} | combine({'a': [2]}, list_merge='append') }}", Map.of("a", List.of(1, 2))},
        {"{{ conf | combine({'host': 'h'}, {'port': 81}) }}", Map.of("port", 81, "host", "h")},
    });
  }

  @Test
  void stringPathAndNumberFilters() throws Exception {
    check(new Object[][] {
        {"{{ '/etc/foo/bar.conf' | basename }}", "bar.conf"},
        {"{{ '/etc/foo/bar.conf' | dirname }}", "/etc/foo"},
        {"{{ '/etc/foo/' | dirname }}", "/etc/foo"},
        {"{{ '/etc/foo/bar.conf' | splitext }}", List.of("/etc/foo/bar", ".conf")},
        {"{{ '.bashrc' | splitext }}", List.of(".bashrc", "")},
        {"{{ 'hello' | b64encode }}", "aGVsbG8="},
        {"{{ 'aGVsbG8=' | b64decode }}", "hello"},
        {"{{ (-3) | abs }}", 3},
        {"{{ -2.5 | abs }}", -2.5},
        {"{{ 3.14159 | round(2) }}", 3.14},
        {"{{ 2.5 | round }}", 2.0},
        {"{{ 3.5 | round }}", 4.0},
        {"{{ 2.675 | round(2) }}", 2.67},
        {"{{ 2.5 | round(0, 'floor') }}", 2.0},
        {"{{ 3.7 | round(method='ceil') }}", 4.0},
        {"{{ true | ternary('y', 'n') }}", "y"},
        {"{{ empty | ternary('y', 'n') }}", "n"},
        {"{{ none | ternary('y', 'n', 'z') }}", "z"},
        {"{{ 'ab' | capitalize }}", "Ab"},
    });
  }

  @Test
  void regexFilters() throws Exception {
    check(new Object[][] {
        {"{{ 'hello world' | regex_replace('o', '0') }}", "hell0 w0rld"},
        {"{{ 'host-01' | regex_replace('^(?P<n>\\\\w+)-(\\\\d+)$', '\\\\2_\\\\g<n>') }}", "01_host"},
        {"{{ 'my_host' | regex_replace('(?P<first_part>[a-z]+)_', '\\\\g<first_part>-') }}", "my-host"},
        {"{{ 'AbA' | regex_replace('a', 'x', ignorecase=true) }}", "xbx"},
        {"{{ 'costs $5' | regex_replace('\\\\d', '$&') }}", "costs $$&"},
        {"{{ 'abc123def' | regex_search('[0-9]+') }}", "123"},
        {"{{ 'abc' | regex_search('z') }}", null},
        {"{{ 'k=v' | regex_search('(\\\\w)=(\\\\w)', '\\\\2', '\\\\1') }}", List.of("v", "k")},
        {"{{ 'k=v' | regex_search('(?P<key>\\\\w)=', '\\\\g<key>') }}", List.of("k")},
        {"{{ 'a1b22c333' | regex_findall('\\\\d+') }}", List.of("1", "22", "333")},
        {"{{ 'a=1 b=2' | regex_findall('(\\\\w)=(\\\\d)') }}", List.of(List.of("a", "1"), List.of("b", "2"))},
    });
    assertThatThrownBy(() -> render("{{ 'a' | regex_search('(') }}")).hasMessageContaining("invalid regular expression '('");
  }

  @Test
  void jsonAndYaml() throws Exception {
    String data = "{'b': [1, 2], 'a': {'x': 'y'}, 'c': 's'}";
    check(new Object[][] {
        {"{{ " + data + " | to_yaml }}", "a: {x: y}\nb: [1, 2]\nc: s\n"},
        {"{{ " + data + " | to_nice_yaml }}", "a:\n    x: y\nb:\n- 1\n- 2\nc: s\n"},
        {"{{ [{'a': 1, 'b': [1, 2]}] | to_nice_yaml }}", "-   a: 1\n    b:\n    - 1\n    - 2\n"},
        {"{{ {'s': 'a: b', 'n': '123', 'e': '', 'b': 'true'} | to_nice_yaml }}", "b: 'true'\ne: ''\nn: '123'\ns: 'a: b'\n"},
        {"{{ ['b', 'a'] | to_yaml }}", "[b, a]\n"},
        {"{{ 'yes' | to_yaml }}", "'yes'\n"},
        {"{{ {'b': [1, 2], 'a': {'x': 'y'}, 'e': [], 'f': {} } | to_nice_json }}",
            "{\n    \"a\": {\n        \"x\": \"y\"\n    },\n    \"b\": [\n        1,\n        2\n    ],\n"
                + "    \"e\": [],\n    \"f\": {}\n}"},
        {"{{ {'a': 'é'} | to_nice_json(indent=2) }}", "{\n  \"a\": \"\\u00e9\"\n}"},
        {"{{ '{\"a\": [1, 2.5, null, true]}' | from_json }}", Map.of("a", Arrays.asList(1, 2.5, null, true))},
        {"{{ 'a: [1, yes, ~]' | from_yaml }}", Map.of("a", Arrays.asList(1, true, null))},
    });
    assertThatThrownBy(() -> render("{{ '{' | from_json }}")).hasMessageContaining("from_json: invalid JSON");
  }
}
