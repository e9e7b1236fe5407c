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

class YamlInventoryTest {

    @TempDir
    Path dir;

    @Test
    void yamlAndIniVersionsOfTheSameInventoryAgree() {
        Inventory ini = Fixtures.load("basic/hosts.ini");
        Inventory yaml = Fixtures.load("basic/hosts.yml");

        assertThat(names(yaml.hosts())).containsExactlyInAnyOrderElementsOf(names(ini.hosts()));
        assertThat(InventoryJson.list(yaml)).isEqualTo(InventoryJson.list(ini));
        assertThat(InventoryJson.list(yaml, true)).isEqualTo(InventoryJson.list(ini, true));
        assertThat(InventoryJson.graph(yaml)).isEqualTo(InventoryJson.graph(ini));
        for (Host host : ini.hosts()) {
            Map<String, Object> fromYaml = yaml.varsFor(yaml.host(host.name()).orElseThrow());
            Map<String, Object> fromIni = ini.varsFor(host);
            fromYaml.remove("inventory_file");
            fromIni.remove("inventory_file");
            assertThat(fromYaml).as(host.name()).isEqualTo(fromIni);
        }
    }

    @Test
    void nullsAndShorthandsAreAccepted() {
        Inventory inv = loadText(dir, "inv.yml", """
                all:
                  hosts:
                    lone:
                  children:
                    empty:
                    short:
                      hosts: s1
                      children: empty
                    web:
                      hosts:
                        w[1:2]:
                        w3: {}
                      vars:
                """);

        assertThat(names(inv.hosts())).containsExactly("lone", "s1", "w1", "w2", "w3");
        assertThat(inv.group("short").orElseThrow().children()).extracting(Group::name).containsExactly("empty");
        assertThat(inv.all().children()).extracting(Group::name).containsExactly("ungrouped", "empty", "short", "web");
        assertThat(names(inv.ungrouped().hosts())).containsExactly("lone");
        assertThat(names(inv.all().hosts())).containsExactly("lone");
    }

    @Test
    void topLevelKeysOtherThanAllAreGroups() {
        Inventory inv = loadText(dir, "inv.yaml", """
                web:
                  hosts:
                    web1.example.com:2222:
                      list: [1, two]
                      enabled: yes
                """);

        assertThat(inv.all().children()).extracting(Group::name).containsExactly("ungrouped", "web");
        Host host = inv.host("web1.example.com").orElseThrow();
        assertThat(host.vars()).containsEntry("ansible_port", 2222).containsEntry("list", List.of(1, "two"));
        assertThat(host.vars().get("enabled")).isEqualTo(true);
    }

    @Test
    void unexpectedKeysAreSkippedWithAWarning() {
        Inventory inv = loadText(dir, "inv.yml", "all:\n  hostz:\n    h1:\n");

        assertThat(inv.hosts()).isEmpty();
        assertThat(inv.warnings()).singleElement().asString().contains("inv.yml:2: skipping unexpected key (hostz)");
    }

    @Test
    void errorsNameFileAndLine() {
        assertError("all:\n  hosts:\n    - h1\n", ":3: invalid \"hosts\" entry for \"all\" group, requires a dictionary");
        assertError("all:\n  hosts:\n    h1: just-a-string\n", ":3: invalid data for host 'h1'");
        assertError("all:\n  hosts:\n    h[3:x]:\n      a: 1\n", ":4: bad host range in 'h[3:x]'");
        assertError("all:\n  hosts: {h1: {a: 1}\n", ":3: invalid YAML:");
        assertError("- a\n- b\n", ":1: YAML inventory has invalid structure, it should be a dictionary");
        assertError("", ":1: parsed empty YAML file");
        assertError("plugin: aws_ec2\n", ":1: this is an inventory plugin configuration, which is not supported");
        assertError("all:\n  children:\n    a:\n      children:\n        a:\n", ":5: can't add group a to itself");
        assertError("all:\n  vars:\n    ansible_group_priority: high\n", ":3: ansible_group_priority must be an integer");
    }

    private void assertError(String content, String expected) {
        assertThatThrownBy(() -> loadText(dir, "bad.yml", content))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith(dir.resolve("bad.yml") + expected.substring(0, expected.indexOf(": ") + 2))
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
