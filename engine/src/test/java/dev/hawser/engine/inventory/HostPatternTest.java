package dev.hawser.engine.inventory;

import static dev.hawser.engine.inventory.Fixtures.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected lists are what `ansible -i basic/hosts.ini PATTERN --list-hosts` printed with Ansible 2.14. */
class HostPatternTest {

    private static final String ALL = "bastion node1 node5 node9 web01 web02 web03 web-extra.example.com db-a db-b db-c db-z";

    private final Inventory inv = Fixtures.load("basic/hosts.ini");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            all => bastion node1 node5 node9 web01 web02 web03 web-extra.example.com db-a db-b db-c db-z
            * => bastion node1 node5 node9 web01 web02 web03 web-extra.example.com db-a db-b db-c db-z
            app => web01 web02 web03 web-extra.example.com db-a db-b db-c db-z
            web:db => web01 web02 web03 web-extra.example.com db-a db-b db-c db-z
            'web,odd' => web01 web02 web03 web-extra.example.com node1 node5 node9
            app:&web => web01 web02 web03 web-extra.example.com
            app:!web => db-a db-b db-c db-z
            app:&web:!web02 => web01 web03 web-extra.example.com
            !web => bastion node1 node5 node9 db-a db-b db-c db-z
            web* => web01 web02 web03 web-extra.example.com
            *.example.com => web-extra.example.com
            ~web\\d+ => web01 web02 web03
            ~(db|node) => db-a db-b db-c db-z node1 node5 node9
            db-? => db-a db-b db-c db-z
            node[1] =>
            app[1:3] => web02 web03 web-extra.example.com
            app[-1] => db-z
            web[0:0] => web01
            web[5:] =>
            web[9] =>
            ungrouped => bastion
            bastion:node5 => bastion node5
            localhost => localhost
            nosuch =>
            web0[12] =>
            web-extra.example.com:2222 =>
            all:!localhost => bastion node1 node5 node9 web01 web02 web03 web-extra.example.com db-a db-b db-c db-z
            """)
    void selectsLikeAnsible(String pattern, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected.split(" "));
        assertThat(names(HostPattern.select(inv, pattern))).containsExactlyElementsOf(want);
    }

    @Test
    void allNeverIncludesTheImplicitLocalhost() {
        assertThat(names(HostPattern.select(inv, "all"))).doesNotContain("localhost");
        assertThat(HostPattern.select(inv, "localhost")).singleElement().matches(Host::implicit);
        assertThat(HostPattern.select(inv, "127.0.0.1")).containsExactly(inv.localhost());
    }

    @Test
    void limitRestrictsInSelectionOrder(@TempDir Path dir) throws IOException {
        List<Host> all = HostPattern.select(inv, "all");
        Path file = dir.resolve("limit");
        Files.writeString(file, "web01\n!web02\n\nodd\n");

        assertThat(names(HostPattern.limit(inv, all, "@" + file))).containsExactly("node1", "node5", "node9", "web01");
        assertThat(names(HostPattern.limit(inv, HostPattern.select(inv, "app"), "web*:!web01,db-a"))).containsExactly("db-a");
        assertThat(names(HostPattern.limit(inv, all, "db:&~db-[ab]"))).containsExactly("db-a", "db-b");
        assertThat(names(HostPattern.limit(inv, all, "nothing"))).isEmpty();
        assertThat(names(HostPattern.limit(inv, all, "all"))).containsExactly(ALL.split(" "));
    }

    @Test
    void missingLimitFileAndBadRegexAreErrors() {
        assertThatThrownBy(() -> HostPattern.limit(inv, List.of(), "@/no/such/file"))
                .isInstanceOf(InventoryException.class).hasMessageContaining("/no/such/file: limit file not found");
        assertThatThrownBy(() -> HostPattern.select(inv, "~web("))
                .isInstanceOf(InventoryException.class).hasMessage("Invalid host list pattern: ~web(");
    }

    @Test
    void splitsLikeAnsible() {
        assertThat(HostPattern.split("a,b[1], c[2:3] , d")).containsExactly("a", "b[1]", "c[2:3]", "d");
        assertThat(HostPattern.split("web:&db:!x")).containsExactly("web", "&db", "!x");
        assertThat(HostPattern.split("web[1:3]:db")).containsExactly("web[1:3]", "db");
        assertThat(HostPattern.split("fe80::1")).containsExactly("fe80::1");
        assertThat(HostPattern.split("host:22")).containsExactly("host:22");
    }

    @Test
    void globTranslation() {
        assertThat("web01").matches(HostPattern.glob("web0[12]*"));
        assertThat("web31").doesNotMatch(HostPattern.glob("web[!3]*"));
        assertThat("a.b").matches(HostPattern.glob("a.b")).doesNotMatch(HostPattern.glob("a.c"));
        assertThat("axb").doesNotMatch(HostPattern.glob("a.b"));
    }
}
