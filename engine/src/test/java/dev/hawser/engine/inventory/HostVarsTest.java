package dev.hawser.engine.inventory;

import static dev.hawser.engine.inventory.Fixtures.loadText;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence checked against ansible-playbook/ansible-inventory 2.14 on the layered fixture. */
class HostVarsTest {

    @TempDir
    Path dir;

    private final Inventory layered = new InventoryLoader().load(
            List.of(Fixtures.path("layered/inv").toString()), Fixtures.path("layered/play"));

    private Map<String, Object> vars(String host) {
        return layered.varsFor(layered.host(host).orElseThrow());
    }

    @Test
    void childGroupBeatsParentAndParentBeatsAll() {
        assertThat(vars("web01")).containsEntry("v_all", "web_inline");
        assertThat(vars("db01")).containsEntry("v_all", "app_inline");
        assertThat(vars("redis1")).containsEntry("v_all", "all_inline");
    }

    @Test
    void anyGroupVarsFileBeatsInlineGroupVarsEvenOfDeeperGroups() {
        // Ansible's default VARIABLE_PRECEDENCE applies group_vars/all.yml after every inline group var.
        assertThat(vars("web01")).containsEntry("v_gv", "all_file");
        assertThat(vars("db01")).containsEntry("v_depth", "app_json").containsEntry("v_db", "db_noext");
    }

    @Test
    void groupVarsDirectoryFilesMergeInSortedOrderWithSubdirectories() {
        assertThat(vars("web02")).containsEntry("v_merge", "sub").containsEntry("v_sub", true).doesNotContainKey("v_skip");
    }

    @Test
    void playbookAdjacentVarsFilesWin() {
        assertThat(vars("web01")).containsEntry("v_web", "web_play").containsEntry("v_pb", "play_host_file");
        Inventory noPlaybook = Fixtures.load("layered/inv");
        Map<String, Object> web01 = noPlaybook.varsFor(noPlaybook.host("web01").orElseThrow());
        assertThat(web01).containsEntry("v_web", "web_dir_a").containsEntry("v_pb", "inv_host_file");
    }

    @Test
    void hostVarsFilesBeatInlineHostVars() {
        assertThat(vars("web01")).containsEntry("v_host", "host_file").containsEntry("inline_host", "h");
        assertThat(vars("web02")).containsEntry("v_host", "web02_noext");
        assertThat(vars("redis1")).containsEntry("v_host", "from_yaml");
    }

    @Test
    void groupPriorityBeatsNameOrder() {
        // alpha has ansible_group_priority=10 so it is applied after zeta despite its name.
        assertThat(vars("web01")).containsEntry("v_prio", "alpha").containsEntry("v_name", "alpha");
    }

    @Test
    void siblingsAtTheSameDepthApplyInNameOrder() {
        Inventory inv = loadText(dir, "hosts", "[b]\nh\n[a]\nh\n[a:vars]\nx=a\n[b:vars]\nx=b\n");
        assertThat(inv.varsFor(inv.host("h").orElseThrow())).containsEntry("x", "b");
    }

    @Test
    void magicVariables() {
        Map<String, Object> web01 = vars("web01");
        assertThat(web01).containsEntry("inventory_hostname", "web01")
                .containsEntry("inventory_hostname_short", "web01")
                .containsEntry("group_names", List.of("alpha", "app", "web", "zeta"))
                .containsEntry("inventory_file", Fixtures.path("layered/inv/hosts").toString())
                .containsEntry("inventory_dir", Fixtures.path("layered/inv").toString());
        @SuppressWarnings("unchecked")
        Map<String, List<String>> groups = (Map<String, List<String>>) web01.get("groups");
        assertThat(groups).containsKeys("all", "ungrouped", "web", "cache", "app", "db", "zeta", "alpha", "subgroup");
        assertThat(groups.get("app")).containsExactly("web03", "web01", "web02", "db01");
        assertThat(groups.get("ungrouped")).isEmpty();
    }

    @Test
    void ungroupedHostsHaveUngroupedInGroupNamesAsAnsibleDoes() {
        Inventory inv = Fixtures.load("basic/hosts.ini");
        Map<String, Object> bastion = inv.varsFor(inv.host("bastion").orElseThrow());
        Map<String, Object> extra = inv.varsFor(inv.host("web-extra.example.com").orElseThrow());

        assertThat(bastion).containsEntry("group_names", List.of("ungrouped"));
        assertThat(extra).containsEntry("inventory_hostname_short", "web-extra");
    }

    @Test
    void implicitLocalhostGetsAllVarsAndLocalConnection() {
        Inventory inv = Fixtures.load("layered/inv");
        Host localhost = inv.localhost();
        Map<String, Object> vars = inv.varsFor(localhost);

        assertThat(localhost.implicit()).isTrue();
        assertThat(vars).containsEntry("ansible_connection", "local")
                .containsEntry("v_all", "all_inline")
                .containsEntry("v_gv", "all_file")
                .containsEntry("group_names", List.of())
                .doesNotContainKeys("ansible_python_interpreter", "inventory_file");
    }

    @Test
    void definedLocalhostIsNotImplicit() {
        Inventory inv = loadText(dir, "hosts", "[local]\n127.0.0.1 ansible_connection=local\n");
        assertThat(inv.localhost().name()).isEqualTo("127.0.0.1");
        assertThat(inv.localhost().implicit()).isFalse();
    }

    @Test
    void hostListHostsHaveNoInventoryFile() {
        Inventory inv = new InventoryLoader().load(List.of("h1.example.com,"), null);
        assertThat(inv.varsFor(inv.host("h1.example.com").orElseThrow()))
                .containsEntry("inventory_file", null).containsEntry("inventory_dir", null)
                .containsEntry("group_names", List.of("ungrouped"));
    }
}
