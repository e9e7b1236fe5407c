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

class InventoryLoaderTest {

    @TempDir
    Path dir;

    @Test
    void directoryLoadsSortedFilesRecursivelyAndSkipsWhatAnsibleIgnores() {
        Inventory inv = Fixtures.load("layered/inv");

        assertThat(inv.groups()).extracting(Group::name)
                .containsExactly("all", "ungrouped", "web", "cache", "db", "app", "zeta", "alpha", "subgroup")
                .doesNotContain("ignored");
        assertThat(names(inv.group("web").orElseThrow().hosts())).containsExactly("web03", "web01", "web02");
        assertThat(inv.host("never1")).isEmpty();
    }

    @Test
    void hostListsGoToUngroupedWithoutRangeExpansion() {
        Inventory inv = new InventoryLoader().load(List.of("a,b:2222, ,", "h[1:2],"), null);

        assertThat(names(inv.hosts())).containsExactly("a", "b", "h[1:2]");
        assertThat(inv.host("b").orElseThrow().vars()).containsEntry("ansible_port", 2222);
        assertThat(names(inv.ungrouped().hosts())).containsExactly("a", "b", "h[1:2]");
        assertThat(names(HostPattern.select(inv, "all"))).containsExactly("a", "b", "h[1:2]");
    }

    @Test
    void severalSourcesMergeAndEachBringsItsVarsDirectories() throws IOException {
        Path one = Files.createDirectories(dir.resolve("one/group_vars"));
        Path two = Files.createDirectories(dir.resolve("two/group_vars"));
        Files.writeString(dir.resolve("one/hosts.ini"), "[g]\nh1\n");
        Files.writeString(one.resolve("g.yml"), "x: one\ny: one\n");
        Files.writeString(dir.resolve("two/hosts.yml"), "g:\n  hosts:\n    h2:\n");
        Files.writeString(two.resolve("g.yaml"), "y: two\n");

        Inventory inv = new InventoryLoader().load(
                List.of(dir.resolve("one/hosts.ini").toString(), dir.resolve("two/hosts.yml").toString()), null);

        assertThat(names(HostPattern.select(inv, "g"))).containsExactly("h1", "h2");
        assertThat(inv.varsFor(inv.host("h1").orElseThrow())).containsEntry("x", "one").containsEntry("y", "two");
    }

    @Test
    void extensionlessFilesAreYamlWhenTheyParseAsAMapping() throws IOException {
        Files.writeString(dir.resolve("yamlish"), "all:\n  hosts:\n    y1:\n");
        Files.writeString(dir.resolve("iniish"), "i1\n[g]\ni2 a=1\n");
        Files.writeString(dir.resolve("plain"), "p1\np2\n");
        Files.writeString(dir.resolve("inv.json"), "{\"j\": {\"hosts\": {\"j1\": {\"a\": 1}}}}");
        Files.writeString(dir.resolve("notes.md"), "# [broken\n");
        Files.writeString(dir.resolve("hosts~"), "[broken\n");

        Inventory inv = new InventoryLoader().load(List.of(dir.toString()), null);

        assertThat(names(inv.hosts())).containsExactlyInAnyOrder("y1", "i1", "i2", "p1", "p2", "j1");
        assertThat(inv.host("j1").orElseThrow().vars()).containsEntry("a", 1);
    }

    @Test
    void explicitIniFileIsReadEvenThoughDirectoriesSkipIt() throws IOException {
        Files.writeString(dir.resolve("hosts.ini"), "[g]\nh1\n");

        assertThat(new InventoryLoader().load(List.of(dir.toString()), null).hosts()).isEmpty();
        assertThat(new InventoryLoader().load(List.of(dir.resolve("hosts.ini").toString()), null).hosts()).hasSize(1);
    }

    @Test
    void badVarsFilesAreReportedWithFileAndLine() throws IOException {
        Files.createDirectories(dir.resolve("group_vars"));
        Files.writeString(dir.resolve("hosts"), "[g]\nh1\n");
        Files.writeString(dir.resolve("group_vars/g.yml"), "a: 1\nb: [unclosed\n");
        Path vault = Files.createDirectories(dir.resolve("host_vars")).resolve("h1.yml");
        Files.writeString(vault, "$ANSIBLE_VAULT;1.1;AES256\n6162\n");

        assertThatThrownBy(() -> new InventoryLoader().load(List.of(dir.resolve("hosts").toString()), null))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith(dir.resolve("group_vars/g.yml") + ":3: invalid YAML:");
        Files.writeString(dir.resolve("group_vars/g.yml"), "- not\n- a map\n");
        assertThatThrownBy(() -> new InventoryLoader().load(List.of(dir.resolve("hosts").toString()), null))
                .hasMessage(dir.resolve("group_vars/g.yml") + ":1: vars file must contain a mapping of variable names to values");
        Files.delete(dir.resolve("group_vars/g.yml"));
        assertThatThrownBy(() -> new InventoryLoader().load(List.of(dir.resolve("hosts").toString()), null))
                .hasMessage(vault + ":1: vault-encrypted files are not supported");
    }

    @Test
    void missingSourceIsAnError() {
        assertThatThrownBy(() -> new InventoryLoader().load(List.of("/no/such/inventory"), null))
                .isInstanceOf(InventoryException.class)
                .hasMessage("/no/such/inventory: inventory source not found");
    }

    @Test
    void hostAndGroupWithTheSameNameIsAWarning() throws IOException {
        Files.writeString(dir.resolve("hosts"), "[web]\nweb\n");
        Inventory inv = new InventoryLoader().load(List.of(dir.resolve("hosts").toString()), null);
        assertThat(inv.warnings()).containsExactly("Found both group and host with same name: web");
    }
}
