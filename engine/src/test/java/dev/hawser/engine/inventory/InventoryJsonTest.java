package dev.hawser.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The expected-* fixtures are the real output of ansible-inventory 2.14 for the same sources. */
class InventoryJsonTest {

    @Test
    void listMatchesAnsibleInventoryForIni() {
        assertThat(InventoryJson.list(Fixtures.load("basic/hosts.ini")))
                .isEqualTo(Fixtures.text("basic/expected-list.json").strip());
    }

    @Test
    void listMatchesAnsibleInventoryForYaml() {
        assertThat(InventoryJson.list(Fixtures.load("basic/hosts.yml")))
                .isEqualTo(Fixtures.text("basic/expected-list.json").strip());
    }

    @Test
    void exportMatchesAnsibleInventory() {
        assertThat(InventoryJson.list(Fixtures.load("basic/hosts.ini"), true))
                .isEqualTo(Fixtures.text("basic/expected-export.json").strip());
    }

    @Test
    void graphMatchesAnsibleInventory() {
        Inventory inv = Fixtures.load("basic/hosts.ini");

        assertThat(InventoryJson.graph(inv)).isEqualTo(Fixtures.text("basic/expected-graph.txt"));
        assertThat(InventoryJson.graph(inv, "app")).isEqualTo(Fixtures.text("basic/expected-graph-app.txt"));
    }

    @Test
    void directoryWithVarsFilesMatchesAnsibleInventory() {
        Inventory withPlaybook = new InventoryLoader().load(
                List.of(Fixtures.path("layered/inv").toString()), Fixtures.path("layered/play"));
        Inventory withoutPlaybook = Fixtures.load("layered/inv");

        assertThat(InventoryJson.list(withPlaybook)).isEqualTo(Fixtures.text("layered/expected-list.json").strip());
        assertThat(InventoryJson.list(withPlaybook, true)).isEqualTo(Fixtures.text("layered/expected-export.json").strip());
        assertThat(InventoryJson.list(withoutPlaybook)).isEqualTo(Fixtures.text("layered/expected-list-noplay.json").strip());
        assertThat(InventoryJson.graph(withoutPlaybook)).isEqualTo(Fixtures.text("layered/expected-graph.txt"));
    }

    @Test
    void emptyInventoryListsOnlyUngrouped() {
        Inventory inv = new InventoryLoader().load(List.of(), null);

        assertThat(InventoryJson.list(inv)).isEqualTo("""
                {
                    "_meta": {
                        "hostvars": {}
                    },
                    "all": {
                        "children": [
                            "ungrouped"
                        ]
                    }
                }""");
        assertThat(InventoryJson.graph(inv)).isEqualTo("@all:\n  |--@ungrouped:\n");
    }

    @Test
    void graphOfUnknownGroupIsAnError() {
        assertThatThrownBy(() -> InventoryJson.graph(Fixtures.load("basic/hosts.ini"), "nope"))
                .isInstanceOf(InventoryException.class)
                .hasMessage("Pattern must be valid group name when using --graph: nope");
    }
}
