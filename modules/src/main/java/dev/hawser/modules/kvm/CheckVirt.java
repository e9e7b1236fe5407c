package dev.hawser.modules.kvm;

import dev.hawser.engine.spi.Change;
import dev.hawser.engine.spi.Fact;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Param;
import dev.hawser.engine.spi.ParamSpec;
import dev.hawser.engine.spi.Params;
import dev.hawser.engine.spi.Remote;
import dev.hawser.engine.spi.TaskModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kvm-ok and more: CPU flags, 64-bit kernel, a real open of /dev/kvm, and (where the MSR device
 * is readable) whether the firmware locked virtualization off. Reads only: it never loads the msr
 * module, so without /dev/cpu/0/msr the BIOS state is reported as unknown.
 */
public final class CheckVirt implements TaskModule {
  // Intel IA32_FEATURE_CONTROL (0x3a): bit 0 lock, bit 2 VMX outside SMX. AMD VM_CR (0xc0010114): bit 4 SVMDIS.
  static final String FACT = String.join("; ",
      Probe.value("arch", "$(uname -m)"),
      "cpu=$(sed -n 's/^vendor_id[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)",
      Probe.value("cpu", "$cpu"),
      Probe.value("flag", "$(grep -m 1 '^flags' /proc/cpuinfo | grep -ow -e vmx -e svm | head -n 1)"),
      "if [ -e /dev/kvm ]; then k=present; if ( : <>/dev/kvm ) 2>/dev/null; then k=usable; fi; else k=absent; fi",
      Probe.value("kvm", "$k"),
      "case \"$cpu\" in GenuineIntel) n=58;; AuthenticAMD) n=3221291284;; *) n=;; esac",
      "m=; if [ -n \"$n\" ] && [ -r /dev/cpu/0/msr ]; then m=$(dd if=/dev/cpu/0/msr bs=8 count=1 skip=\"$n\""
          + " iflag=skip_bytes 2>/dev/null | od -An -t u8 | tr -d ' '); fi",
      Probe.value("msr", "$m"));

  @Override
  public String name() {
    return "check_virt";
  }

  @Override
  public String summary() {
    return "Checks that the host can run KVM guests (kvm-ok and more); sets the virt fact";
  }

  @Override
  public ParamSpec spec() {
    return ParamSpec.of(Param.bool("allow_emulation")
        .doc("succeed without acceleration: guests then run under QEMU emulation (virt_type qemu)"));
  }

  @Override
  public Change plan(Params params, Remote host) throws ModuleException {
    Probe p = host.fact(Fact.of(FACT, r -> Probe.parse(r.stdout())));
    String arch = p.value("arch");
    String flag = p.value("flag");
    boolean x86 = arch.matches("x86_64|amd64|i[3-6]86");
    String vendor = flag.equals("vmx") ? "intel" : flag.equals("svm") ? "amd" : "none";
    boolean hardware = !vendor.equals("none") || !x86 && p.is("kvm", "usable");
    boolean kvmDevice = p.is("kvm", "usable");
    Boolean biosDisabled = biosDisabled(p.value("cpu"), p.value("msr"));

    List<String> reasons = new ArrayList<>();
    if (x86 && vendor.equals("none")) {
      reasons.add("CPU has no vmx/svm flags: hardware virtualization is missing, disabled in the "
          + "firmware, or (in a VM) not passed through: enable nested virtualization on its hypervisor");
    }
    if (Boolean.TRUE.equals(biosDisabled)) {
      reasons.add("KVM is disabled by your BIOS: enable Intel VT-x / AMD-V (SVM) in the firmware setup, "
          + "then power the host off and on");
    } else if (biosDisabled == null && !kvmDevice && x86) {
      reasons.add("BIOS setting unknown: /dev/cpu/0/msr is not readable (modprobe msr, run as root)");
    }
    if (p.is("kvm", "absent")) {
      reasons.add("/dev/kvm is missing: load the kvm modules (load_kvm_modules)"
          + (hardware ? "" : ", which needs the CPU flags above"));
    } else if (p.is("kvm", "present")) {
      reasons.add("/dev/kvm exists but cannot be opened read-write: run with become, add the user to "
          + "the kvm group, or (in a container) pass the device through");
    }
    if (!arch.contains("64") && !arch.equals("s390x")) {
      reasons.add("kernel is " + arch + ", not 64-bit: guests are limited to 32-bit and small memory");
    }
    boolean accelerated = hardware && kvmDevice;
    Map<String, Object> virt = new LinkedHashMap<>();
    virt.put("hardware", hardware);
    virt.put("vendor", vendor);
    virt.put("kvm_device", kvmDevice);
    virt.put("arch", arch);
    virt.put("bios_disabled", Boolean.TRUE.equals(biosDisabled));
    virt.put("recommended_type", accelerated ? "kvm" : "qemu");
    virt.put("reasons", List.copyOf(reasons));

    if (accelerated) {
      String msg = "KVM acceleration can be used (" + vendor + ", " + arch + ")";
      return new Change.None(msg, Map.of("virt", virt, "ansible_facts", Map.of("virt", virt)));
    } else if (params.bool("allow_emulation")) {
      String msg = "no KVM acceleration, guests will run emulated (virt_type qemu, much slower): "
          + String.join("; ", reasons);
      return new Change.None(msg, Map.of("virt", virt, "ansible_facts", Map.of("virt", virt),
          "warnings", List.of(host.name() + ": " + msg)));
    } else {
      throw new ModuleException("KVM acceleration is not available: " + String.join("; ", reasons)
          + " (to run guests emulated instead, set allow_emulation: true)", Map.of("virt", virt));
    }
  }

  /** True/false when the MSR could be read, null when it could not. */
  private static Boolean biosDisabled(String cpu, String msr) {
    if (!msr.matches("\\d+")) {
      return null;
    }
    long v = Long.parseUnsignedLong(msr);
    if (cpu.equals("GenuineIntel")) {
      return (v & 1) == 1 && (v & 4) == 0;
    }
    return (v & 16) != 0;
  }
}
