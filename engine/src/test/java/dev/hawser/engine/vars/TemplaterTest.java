package dev.hawser.engine.vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplaterTest {
  private final Templater templater = new Templater();

  private Map<String, Object> vars() {
    Map<String, Object> v = new HashMap<>();
    v.put("name", "web");
    v.put("port", 8080);
    v.put("ratio", 1.5);
    v.put("enabled", true);
    v.put("nothing", null);
    v.put("items", List.of("a", "b"));
    v.put("user", Map.of("name", "ann", "groups", List.of("wheel", "adm")));
    v.put("html", "<b>&\"x\"</b>");
    return v;
  }

  private Object render(Object value) throws TemplateException {
    return templater.render(value, vars());
  }

  @Test
  void plainStringsAndNonStringsAreUnchanged() throws Exception {
    assertThat(render("no tags here")).isEqualTo("no tags here");
    assertThat(render(42)).isEqualTo(42);
    assertThat(render(null)).isNull();
    assertThat(render(true)).isEqualTo(true);
  }

  @Test
  void singleTagKeepsTheValueType() throws Exception {
    assertThat(render("{{ items }}")).isEqualTo(List.of("a", "b"));
    assertThat(render("  {{ items }}\n")).isEqualTo(List.of("a", "b"));
    assertThat(render("{{enabled}}")).isEqualTo(true);
    assertThat(render("{{ user }}")).isEqualTo(Map.of("name", "ann", "groups", List.of("wheel", "adm")));
    assertThat(render("{{ nothing }}")).isNull();
    assertThat(render("{{ port + 1 }}")).isEqualTo(8081);
  }

  @Test
  void whitespaceAroundALoneScalarTagIsKept() throws Exception {
    assertThat(render("{{ name }}\n")).isEqualTo("web\n");
    assertThat(render("  {{ port }} ")).isEqualTo("  8080 ");
  }

  @Test
  void mixedTextBecomesAStringWithPythonFormatting() throws Exception {
    assertThat(render("{{ name }}:{{ port }}")).isEqualTo("web:8080");
    assertThat(render("items={{ items }}")).isEqualTo("items=['a', 'b']");
    assertThat(render("on={{ enabled }} none={{ nothing }} r={{ ratio }}")).isEqualTo("on=True none=None r=1.5");
  }

  @Test
  void rendersInsideMapsAndListsIncludingKeys() throws Exception {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("dest", "/srv/{{ name }}");
    in.put("{{ name }}_port", "{{ port }}");
    in.put("list", List.of("{{ items }}", 3, "x-{{ name }}"));
    assertThat(render(in)).isEqualTo(Map.of(
        "dest", "/srv/web", "web_port", 8080, "list", List.of(List.of("a", "b"), 3, "x-web")));
  }

  @Test
  void dottedNamesSubscriptsAndSpacesInsideBraces() throws Exception {
    assertThat(render("{{user.name}}/{{ user.groups[1] }}/{{ user['name'] }}/{{ user.groups.0 }}"))
        .isEqualTo("ann/adm/ann/wheel");
    assertThat(render("{{ items[-1] }}")).isEqualTo("b");
  }

  @Test
  void noHtmlEscaping() throws Exception {
    assertThat(render("<{{ html }}>")).isEqualTo("<<b>&\"x\"</b>>");
    assertThat(render("{{{ html }}}|{{& html }}")).isEqualTo("<b>&\"x\"</b>|<b>&\"x\"</b>");
  }

  @Test
  void undefinedVariableIsAnErrorNamingIt() {
    assertThatThrownBy(() -> render("hello {{ who }}"))
        .isInstanceOfSatisfying(TemplateException.class, e -> {
          assertThat(e.variable()).isEqualTo("who");
          assertThat(e.getMessage()).isEqualTo("undefined variable 'who'");
        });
    assertThatThrownBy(() -> render("{{ user.shell }}"))
        .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.variable()).isEqualTo("user.shell"));
    assertThatThrownBy(() -> render(Map.of("k", List.of("{{ items[5] }}"))))
        .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.variable()).isEqualTo("items[5]"));
  }

  @Test
  void lazyNestedVariables() throws Exception {
    Map<String, Object> v = new HashMap<>();
    v.put("a", "{{ b }}/x");
    v.put("b", "{{ c }}");
    v.put("c", "y");
    v.put("list", "{{ parts }}");
    v.put("parts", List.of("{{ c }}", "z"));
    v.put("conf", Map.of("dir", "/{{ a }}"));
    assertThat(templater.render("{{ a }}", v)).isEqualTo("y/x");
    assertThat(templater.render("{{ list }}", v)).isEqualTo(List.of("y", "z"));
    assertThat(templater.render("{{ conf.dir }}!", v)).isEqualTo("/y/x!");
    assertThat(templater.render("{{ conf }}", v)).isEqualTo(Map.of("dir", "/y/x"));
    v.put("c", "{{ missing }}");
    assertThatThrownBy(() -> templater.render("{{ a }}", v))
        .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.variable()).isEqualTo("missing"));
  }

  @Test
  void recursiveVariablesAreDetected() {
    Map<String, Object> v = Map.of("a", "{{ b }}", "b", "x{{ a }}");
    assertThatThrownBy(() -> templater.render("{{ a }}", v))
        .isInstanceOf(TemplateException.class)
        .hasMessage("recursive loop in variable 'a'");
    assertThatThrownBy(() -> templater.render("{{ self }}", Map.of("self", "{{ self }}")))
        .hasMessage("recursive loop in variable 'self'");
  }

  @Test
  void sameVariableTwiceIsNotALoop() throws Exception {
    Map<String, Object> v = Map.of("a", "{{ b }}-{{ b }}", "b", "{{ c }}", "c", "1");
    assertThat(templater.render("{{ a }} {{ a }}", v)).isEqualTo("1-1 1-1");
  }

  @Test
  void sectionsInvertedSectionsAndImplicitIterator() throws Exception {
    Map<String, Object> v = Map.of(
        "users", List.of(Map.of("name", "ann"), Map.of("name", "bob")),
        "items", List.of("a", "b"), "empty", List.of(), "flag", false, "prefix", "u:");
    String out = templater.renderText("t", "{{#users}}{{ prefix }}{{ name }};{{/users}}"
        + "{{#items}}[{{.}}]{{/items}}{{^empty}}no items{{/empty}}{{#flag}}hidden{{/flag}}", v);
    assertThat(out).isEqualTo("u:ann;u:bob;[a][b]no items");
  }

  @Test
  void sectionOnUndefinedIsFalsyButPlainTagInsideSectionIsStrict() throws Exception {
    Map<String, Object> v = Map.of("users", List.of(Map.of("name", "ann")));
    assertThat(templater.renderText("t", "a{{#missing}}x{{/missing}}b{{^missing}}c{{/missing}}", v))
        .isEqualTo("abc");
    assertThatThrownBy(() -> templater.renderText("motd.j2", "line1\n{{#users}}{{ shell }}{{/users}}", v))
        .isInstanceOfSatisfying(TemplateException.class, e -> {
          assertThat(e.variable()).isEqualTo("shell");
          assertThat(e.getMessage()).isEqualTo("undefined variable 'shell' in template 'motd.j2' line 2");
        });
  }

  @Test
  void templateSyntaxErrorsAreOneLine() throws Exception {
    assertThatThrownBy(() -> templater.renderText("bad.j2", "{{#a}}x{{/b}}", Map.of("a", true)))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("cannot parse template: ")
        .hasMessageContaining("bad.j2")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> templater.renderText("j.j2", "{% for u in users %}{{ u }}{% endfor %}", Map.of()))
        .hasMessageStartingWith("Jinja statements such as {% for %} are not supported")
        .hasMessageEndingWith(" in template 'j.j2'");
    assertThatThrownBy(() -> templater.render("{%- if x %}a{{ x }}{% endif %}", Map.of("x", 1)))
        .hasMessageStartingWith("Jinja statements such as {% if %} are not supported");
    assertThatThrownBy(() -> templater.render(List.of("{% set x = 1 %}"), Map.of()))
        .hasMessageStartingWith("Jinja statements such as {% set %} are not supported");
    assertThat(templater.render("100{%} of {%s}", Map.of())).isEqualTo("100{%} of {%s}");
    assertThatThrownBy(() -> templater.renderText("p.j2", "{{> other }}", Map.of()))
        .hasMessageContaining("partials are not supported");
  }

  @Test
  void filters() throws Exception {
    Map<String, Object> v = new HashMap<>(vars());
    v.put("s", "  Hello World  ");
    v.put("num", "42");
    v.put("flt", "3.9");
    v.put("yes", "yes");
    v.put("data", new LinkedHashMap<>(Map.of("a", 1)));
    v.put("apos", "it's");
    Object[][] cases = {
        {"{{ missing | default('dflt') }}", "dflt"},
        {"{{ missing | d(7) }}", 7},
        {"{{ name | default('x') }}", "web"},
        {"{{ missing | default }}", ""},
        {"{{ '' | default('e', true) }}", "e"},
        {"{{ user.shell | default('/bin/sh') }}", "/bin/sh"},
        {"{{ name | upper }}", "WEB"},
        {"{{ 'ABC' | lower }}", "abc"},
        {"{{ num | int }}", 42},
        {"{{ flt | int }}", 3},
        {"{{ 'x' | int }}", 0},
        {"{{ 'x' | int(5) }}", 5},
        {"{{ port | string }}", "8080"},
        {"{{ yes | bool }}", true},
        {"{{ 'off' | bool }}", false},
        {"{{ items | length }}", 2},
        {"{{ name | length }}", 3},
        {"{{ user | count }}", 2},
        {"{{ items | join(',') }}", "a,b"},
        {"{{ items | join }}", "ab"},
        {"{{ data | to_json }}", "{\"a\": 1}"},
        {"{{ [1, 'b', true, none] | to_json }}", "[1, \"b\", true, null]"},
        {"{{ apos | quote }}", "'it'\"'\"'s'"},
        {"{{ name | quote }}", "web"},
        {"{{ '' | quote }}", "''"},
        {"{{ 'a b' | quote }}", "'a b'"},
        {"{{ s | trim }}", "Hello World"},
        {"{{ s | trim | lower | replace('world', 'there') }}", "hello there"},
        {"{{ missing | default('A,B') | lower }}", "a,b"},
        {"{{ items | first }}-{{ items | last }}", "a-b"},
        {"{{ '2.5' | float }}", 2.5},
    };
    for (Object[] c : cases) {
      assertThat(templater.render(c[0], v)).as((String) c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void unknownFilterIsAnError() {
    assertThatThrownBy(() -> render("{{ name | xyz }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessage("unsupported filter 'xyz' in {{ name | xyz }}");
    assertThatThrownBy(() -> render("{{ name | lower('x') }}"))
        .hasMessage("filter 'lower' takes at most 0 argument(s) in {{ name | lower('x') }}");
    assertThatThrownBy(() -> render("{{ name | join(',', 'x', 'y') }}"))
        .hasMessage("filter 'join' takes at most 2 argument(s) in {{ name | join(',', 'x', 'y') }}");
    assertThatThrownBy(() -> render("{{ name | join(sep=',') }}"))
        .hasMessage("filter 'join' has no argument 'sep' in {{ name | join(sep=',') }}");
  }

  @Test
  void literalsAndExpressionsInTags() throws Exception {
    assertThat(render("{{ 'literal' }}")).isEqualTo("literal");
    assertThat(render("{{ \"dq\" }}")).isEqualTo("dq");
    assertThat(render("{{ 12 }}")).isEqualTo(12);
    assertThat(render("{{ 'on' if enabled else 'off' }}")).isEqualTo("on");
    assertThat(render("{{ name ~ '-' ~ port }}")).isEqualTo("web-8080");
    assertThat(render("{{ port > 80 }}")).isEqualTo(true);
    assertThat(render("{{ name.upper() }}-{{ 'a,b'.split(',')[1] }}")).isEqualTo("WEB-b");
    assertThat(render("{{ user.get('shell', '/bin/sh') }}")).isEqualTo("/bin/sh");
  }

  @Test
  void omitDropsMapEntries() throws Exception {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("path", "/tmp/x");
    args.put("mode", "{{ mode | default(omit) }}");
    assertThat(render(args)).isEqualTo(Map.of("path", "/tmp/x"));
    assertThat(render("{{ missing | default(omit) }}")).isSameAs(Templater.OMIT);
    assertThatThrownBy(() -> render("x{{ missing | default(omit) }}"))
        .hasMessageContaining("'omit' can only be used as a whole value");
  }

  @Test
  void javaAccessIsRefused() {
    assertThatThrownBy(() -> render("{{ ''.getClass() }}"))
        .hasMessage("unsupported method 'getClass' in {{ ''.getClass() }}");
    assertThatThrownBy(() -> render("{{ name.getClass().forName('java.lang.Runtime') }}"))
        .hasMessageContaining("unsupported method 'getClass'");
    assertThatThrownBy(() -> render("{{ java.lang.System.exit(0) }}"))
        .hasMessageContaining("unsupported method 'exit'");
    assertThatThrownBy(() -> render("{{ items.lower() }}")).hasMessage("'list' object has no method 'lower'");
    assertThatThrownBy(() -> render("{{ lookup('env', 'HOME') }}"))
        .hasMessage("function calls are not supported ('lookup') in {{ lookup('env', 'HOME') }}");
    assertThatThrownBy(() -> render("{{ name.class }}"))
        .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.variable()).isEqualTo("name.class"));
  }

  @Test
  void badExpressionsAreOneLineErrors() {
    assertThatThrownBy(() -> render("{{ port + }}")).hasMessage("unexpected end of expression in {{ port + }}");
    assertThatThrownBy(() -> render("{{ x = 1 }}")).hasMessage("unexpected character '=' in {{ x = 1 }}");
    assertThatThrownBy(() -> render("{{ name + 1 }}"))
        .hasMessage("unsupported operand type(s) for +: 'str' and 'int'");
  }
}
