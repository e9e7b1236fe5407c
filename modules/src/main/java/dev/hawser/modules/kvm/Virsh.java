package dev.hawser.modules.kvm;

import dev.hawser.engine.spi.ExecResult;
import dev.hawser.engine.spi.ModuleException;
import dev.hawser.engine.spi.Sh;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** virsh command lines against one libvirt URI, and what its errors mean. */
final class Virsh {
  static final String DEFAULT_URI = "qemu:///system";
  private final String uri;

  Virsh(String uri) {
    this.uri = uri == null ? DEFAULT_URI : uri;
  }

  /** {@code virsh -c URI args...}, every argument quoted. */
  String cmd(String... args) {
    List<String> argv = new ArrayList<>(List.of("virsh", "-c", uri));
    argv.addAll(List.of(args));
    return Sh.cmd(argv.toArray(String[]::new));
  }

  /** True when virsh failed because the named object does not exist (rather than, say, no libvirtd). */
  static boolean notFound(ExecResult r) {
    String m = r.message().toLowerCase(Locale.ROOT);
    return r.rc() != 127 && !m.contains("virsh: not found") && m.contains("not found") && !m.contains("command not found")
        || m.contains("failed to get domain") || m.contains("failed to get pool");
  }

  /** True when the shell could not find virsh itself (not installed). */
  static boolean missing(ExecResult r) {
    return r.rc() == 127 || r.message().contains("virsh: not found") || r.message().contains("virsh: command not found");
  }

  /** The failure to report when virsh itself could not answer. */
  static ModuleException broken(String uri, ExecResult r) {
    if (missing(r)) {
      return new ModuleException("virsh not found on the host: install the libvirt client tools "
          + "(install_packages) first");
    }
    return ModuleException.of("virsh could not read state from " + (uri == null ? DEFAULT_URI : uri)
        + " (is libvirtd running?)", r);
  }
}
