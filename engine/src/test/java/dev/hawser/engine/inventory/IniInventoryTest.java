package dev.hawser.engine.inventory;

import static dev.hawser.engine.inventory.Fixtures.loadText;
import static dev.hawser.engine.inventory.Fixtures.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IniInventoryTest {

    @TempDir
    Path dir;

    @Test
    void readsGroupsRangesAndChildren() {
        Inventory inv = Fixtures.load("basic/hosts.ini");

        assertThat(names(inv.hosts())).containsExactly("bastion", "web01", "web02", "web03", "web-extra.example.com",
                "db-a", "db-b", "db-c", "db-z", "node1", "node5", "node9");
        assertThat(inv.groups().stream().map(Group::name)).containsExactly("all", "ungrouped", "web", "db", "odd", "app");
        assertThat(inv.all().children().stream().map(Group::name)).containsExactly("ungrouped", "odd", "app");
        assertThat(inv.group("app").orElseThrow().children().stream().map(Group::name)).containsExactly("web", "db");
        assertThat(names(inv.ungrouped().hosts())).containsExactly("bastion");
        assertThat(inv.group("app").orElseThrow().depth()).isEqualTo(1);
        assertThat(inv.group("web").orElseThrow().depth()).isEqualTo(2);
    }

    @Test
    void hostLineValuesAreLiteralEvaluatedAfterShellQuoting() {
        Inventory inv = Fixtures.load("basic/hosts.ini");

        Map<String, Object> extra = inv.host("web-extra.example.com").orElseThrow().vars();
        assertThat(extra).containsEntry("ansible_port", 2222)
                .containsEntry("note", "a b")
                .containsEntry("ratio", 1.5)
                .containsEntry("tags", List.of("x", "y"))
                .containsEntry("quoted", 5)
                .containsEntry("none", null)
                .containsEntry("word", "yes");
        assertThat(inv.host("web01").orElseThrow().vars()).containsEntry("enabled", true).containsEntry("http_port", 8080);
        assertThat(inv.host("db-z").orElseThrow().vars()).containsOnlyKeys("ansible_user");
    }

    @Test
    void varsSectionValuesAreLiteralEvaluatedToo() {
        Map<String, Object> app = Fixtures.load("basic/hosts.ini").group("app").orElseThrow().vars();

        assertThat(app).containsEntry("count", 3)
                .containsEntry("flag", false)
                .containsEntry("quoted", "hello world")
                .containsEntry("raw", "spaced value  # not a comment?")
                .containsEntry("lst", List.of(1, 2));
    }

    @Test
    void childrenMayBeDeclaredBeforeTheirGroup() {
        Inventory inv = loadText(dir, "hosts", "[top:children]\nmid\n[mid:children]\nleaf\n[leaf]\nh1\n[mid:vars]\nx=1\n");

        assertThat(inv.group("top").orElseThrow().children()).extracting(Group::name).containsExactly("mid");
        assertThat(inv.group("mid").orElseThrow().children()).extracting(Group::name).containsExactly("leaf");
        assertThat(inv.group("leaf").orElseThrow().depth()).isEqualTo(3);
        assertThat(names(HostPattern.select(inv, "top"))).containsExactly("h1");
    }

    @Test
    void hostInSeveralGroupsIsDefinedOnceAndLeavesUngrouped() {
        Inventory inv = loadText(dir, "hosts", "h1 a=1\n[g]\nh1 b=2\n");

        assertThat(inv.hosts()).hasSize(1);
        assertThat(inv.host("h1").orElseThrow().vars()).containsEntry("a", 1).containsEntry("b", 2);
        assertThat(inv.ungrouped().hosts()).isEmpty();
    }

    @Test
    void unquotedHashEndsAHostLineButSemicolonOnlyAtLineStart() {
        Inventory inv = loadText(dir, "hosts", "; comment\n  # comment\nh1 color=#fff a=1\nh2 a='#x' b=\"c d\"#tail\n");

        assertThat(inv.host("h1").orElseThrow().vars()).containsExactly(Map.entry("color", ""));
        assertThat(inv.host("h2").orElseThrow().vars()).containsExactly(Map.entry("a", "#x"), Map.entry("b", "c d"));
    }

    @Test
    void ipv6AndPortsAreUnderstood() {
        Inventory inv = loadText(dir, "hosts", "[::1]:2201\nfe80::1\n10.0.0.[1:2]:22\n");

        assertThat(names(inv.hosts())).containsExactly("::1", "fe80::1", "10.0.0.1", "10.0.0.2");
        assertThat(inv.host("::1").orElseThrow().vars()).containsEntry("ansible_port", 2201);
        assertThat(inv.host("fe80::1").orElseThrow().vars()).isEmpty();
        assertThat(inv.host("10.0.0.2").orElseThrow().vars()).containsEntry("ansible_port", 22);
    }

    @Test
    void groupPriorityIsNotAVariable() {
        Group g = loadText(dir, "hosts", "[g]\nh\n[g:vars]\nansible_group_priority=7\n").group("g").orElseThrow();

        assertThat(g.priority()).isEqualTo(7);
        assertThat(g.vars()).isEmpty();
    }

    @Test
    void errorsNameFileAndLine() {
        assertError("h0\n[web\nh1\n", ":2: unclosed section header '[web'");
        assertError("[web]\nh[1:3:0]\n", ":2: bad host range in 'h[1:3:0]': range step must be a positive number");
        assertError("[web]\nh[01:100]\n", ":2: bad host range in 'h[01:100]': range must use equal-length begin and end formats");
        assertError("[web]\nh[a:]\n", ":2: bad host range in 'h[a:]': range must specify an end value");
        assertError("[web]\nh[1:x]\n", ":2: bad host range in 'h[1:x]': 'x' is not a number or a single letter");
        assertError("[web]\nh[1:2\n", ":2: unclosed '[' in host pattern 'h[1:2'");
        assertError("[p:children]\nnope\n", ":2: Section [p:children] includes undefined group: nope");
        assertError("[q:vars]\nx=1\n", ":1: Section [q:vars] not valid for undefined group: q");
        assertError("[web]\nh1 novalue\n", ":2: Expected key=value host variable assignment, got: novalue");
        assertError("[web:foo]\nh1\n", ":1: Section [web:foo] has unknown type: foo");
        assertError("[web]\nh1 x=\"open\n", ":2: Error parsing host definition 'h1 x=\"open': No closing quotation");
        assertError("[web ]\n", ":1: invalid section entry: '[web ]'");
        assertError("[g]\nh\n[g:vars]\njust a line\n", ":4: Expected key=value, got: just a line");
        assertError("[g]\nh\n[g:children]\ng\n", ":4: can't add group g to itself");
        assertError("[a]\n[b]\n[a:children]\nb\n[b:children]\na\n", ":6: adding group 'a' as child to 'b' creates a recursive dependency loop");
        assertError("[g]\nhost:\n", ":2: Invalid host pattern 'host:' supplied, ending in ':' is not allowed");
        assertError("---\n", ":1: Invalid host pattern '---' supplied");
        assertError("[g]\nh\n[g:vars]\nansible_group_priority=high\n", ":4: ansible_group_priority must be an integer, got: high");
    }

    private void assertError(String content, String expected) {
        Path file = dir.resolve("bad.ini");
        assertThatThrownBy(() -> loadText(dir, "bad.ini", content))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith(file + expected.substring(0, expected.indexOf(": ") + 2))
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
