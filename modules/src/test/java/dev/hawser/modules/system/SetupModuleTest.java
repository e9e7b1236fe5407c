package dev.hawser.modules.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.testing.FakeRemote;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetupModuleTest {
  private final SetupModule setup = new SetupModule();

  @Test
  @SuppressWarnings("unchecked")
  void readsFactsInOneCommandAndNamesThemAsAnsible() throws Exception {
    FakeRemote host = new FakeRemote().on(SetupModule.COMMAND, String.join("\n",
        "hostname=web1.example.org", "fqdn=web1.example.org", "kernel=6.1.0-18-amd64", "system=Linux",
        "machine=x86_64", "user_id=root", "user_uid=0", "vcpus=4", "memtotal_kb=8167848", "pkg=apt-get",
        "service=systemd", "route=default via 10.0.0.1 dev eth0 proto dhcp", "os_NAME=\"Debian GNU/Linux\"",
        "os_ID=debian", "os_VERSION_ID=\"12\"", "os_VERSION_CODENAME=bookworm"));
    Change c = setup.plan(setup.spec().validate(Map.of(), false), host);
    assertThat(c).isInstanceOf(Change.None.class);
    Map<String, Object> facts = (Map<String, Object>) c.data().get("ansible_facts");
    assertThat(facts).containsEntry("ansible_hostname", "web1").containsEntry("ansible_fqdn", "web1.example.org")
        .containsEntry("ansible_os_family", "Debian").containsEntry("ansible_distribution", "Debian")
        .containsEntry("ansible_distribution_major_version", "12").containsEntry("ansible_distribution_release", "bookworm")
        .containsEntry("ansible_pkg_mgr", "apt").containsEntry("ansible_service_mgr", "systemd")
        .containsEntry("ansible_processor_vcpus", 4).containsEntry("ansible_memtotal_mb", 7976);
    assertThat((Map<String, Object>) facts.get("ansible_default_ipv4")).containsEntry("interface", "eth0")
        .containsEntry("gateway", "10.0.0.1");
    assertThat((Map<String, Object>) facts.get("ansible_facts")).containsEntry("os_family", "Debian");
    assertThat(host.ran()).containsExactly(SetupModule.COMMAND);
  }

  @Test
  void familyComesFromIdLikeForDerivatives() {
    assertThat(HostFacts.family("linuxmint", "ubuntu debian")).isEqualTo("Debian");
    assertThat(HostFacts.family("ol", "fedora rhel")).isEqualTo("RedHat");
    assertThat(HostFacts.family("opensuse-leap", "suse opensuse")).isEqualTo("Suse");
  }

  @Test
  void aBrokenShellFailsTheTask() {
    FakeRemote host = new FakeRemote().on(SetupModule.COMMAND, new ExecResult(127, "", "sh: not found"));
    assertThatThrownBy(() -> setup.plan(setup.spec().validate(Map.of(), false), host))
        .isInstanceOf(ModuleException.class).hasMessageContaining("could not gather facts");
  }
}
