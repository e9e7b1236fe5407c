package dev.hawser.modules.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.TaskModule;
import dev.hawser.engine.testing.FakeRemote;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the data cases cannot express: nested result data, diffs, and the small parsers. */
class KvmModulesTest {
  private static Params params(TaskModule m, Map<String, Object> raw) throws Exception {
    return m.spec().validate(raw, false);
  }

  @Test
  @SuppressWarnings("unchecked")
  void checkVirtSetsTheVirtFactForLaterTasks() throws Exception {
    FakeRemote host = new FakeRemote().on(CheckVirt.FACT,
        "@@hawser arch x86_64\n@@hawser cpu AuthenticAMD\n@@hawser flag \n@@hawser kvm absent\n@@hawser msr \n");
    CheckVirt m = new CheckVirt();
    Change c = m.plan(params(m, Map.of("allow_emulation", true)), host);
    Map<String, Object> virt = (Map<String, Object>) ((Map<String, Object>) c.data().get("ansible_facts")).get("virt");
    assertThat(virt).containsEntry("recommended_type", "qemu").containsEntry("hardware", false)
        .containsEntry("kvm_device", false).containsEntry("vendor", "none");
    assertThat((List<String>) virt.get("reasons")).anyMatch(r -> r.startsWith("CPU has no vmx/svm flags"))
        .anyMatch(r -> r.startsWith("/dev/kvm is missing"));
  }

  @Test
  void checkVirtReadsAmdSvmDisabledFromTheMsr() throws Exception {
    FakeRemote host = new FakeRemote().on(CheckVirt.FACT,
        "@@hawser arch x86_64\n@@hawser cpu AuthenticAMD\n@@hawser flag svm\n@@hawser kvm absent\n@@hawser msr 16\n");
    CheckVirt m = new CheckVirt();
    assertThatThrownBy(() -> m.plan(params(m, Map.of()), host)).isInstanceOf(ModuleException.class)
        .hasMessageContaining("KVM is disabled by your BIOS");
  }

  @Test
  void poolRedefinitionShowsTheControlledFieldsBeforeAndAfter() throws Exception {
    PoolDefine m = new PoolDefine();
    Params p = params(m, Map.of("name", "default", "target", "/var/lib/libvirt/images"));
    String fact = PoolDefine.fact(new Virsh(null), "default", "[ -d /var/lib/libvirt/images ]");
    FakeRemote host = new FakeRemote().on(fact, "@@hawser xml\n<pool type='dir'><name>default</name><uuid>1</uuid>"
        + "<target><path>/srv/old</path><permissions><mode>0711</mode></permissions></target></pool>\n"
        + "@@hawser info\nState: running\nAutostart: yes\n@@hawser built yes\n");
    Change.Pending c = (Change.Pending) m.plan(p, host);
    assertThat(c.diffs()).hasSize(1);
    assertThat(c.diffs().get(0).label()).isEqualTo("pool default");
    assertThat(c.diffs().get(0).before()).contains("<path>/srv/old</path>").doesNotContain("uuid", "permissions");
    assertThat(c.diffs().get(0).after()).contains("<path>/var/lib/libvirt/images</path>");
  }

  @Test
  void probeKeepsFileContentExactly() {
    Probe p = Probe.parse("@@hawser a present\nx\n\n@@hawser b present\nno newline\n@@hawser c present\n\n");
    assertThat(p.body("a")).isEqualTo("x\n");
    assertThat(p.body("b")).isEqualTo("no newline");
    assertThat(p.body("c")).isEmpty();
  }

  @Test
  void sizesAreBinaryAndRoundedToSectors() throws Exception {
    assertThat(Sizes.parse("size", "10G")).isEqualTo(10L << 30);
    assertThat(Sizes.parse("size", "1.5G")).isEqualTo(3L << 29);
    assertThat(Sizes.parse("size", "1000")).isEqualTo(1024);
    assertThat(Sizes.human(512L << 20)).isEqualTo("512M");
    assertThatThrownBy(() -> Sizes.parse("size", "10 parsecs")).hasMessageContaining("is not a size");
  }
}
