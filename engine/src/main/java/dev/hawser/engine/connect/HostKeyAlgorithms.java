package dev.hawser.engine.connect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.signature.Signature;

/**
 * Host-key algorithm preference as OpenSSH does it: algorithms for the key types already in known_hosts
 * come first, so that a server offering both ECDSA and ed25519 shows the one we can actually verify.
 */
final class HostKeyAlgorithms {
  private static final String CERT_SUFFIX = "-cert-v01@openssh.com";

  private HostKeyAlgorithms() {}

  static List<NamedFactory<Signature>> preferKnown(
      List<NamedFactory<Signature>> defaults, Collection<String> knownKeyTypes) {
    if (knownKeyTypes.isEmpty()) {
      return defaults;
    }
    List<String> preferred = new ArrayList<>();
    for (String type : knownKeyTypes) {
      List<String> equivalents = KeyUtils.getAllEquivalentKeyTypes(type);
      preferred.addAll(equivalents == null || equivalents.isEmpty() ? List.of(type) : equivalents);
    }
    List<NamedFactory<Signature>> first = new ArrayList<>();
    List<NamedFactory<Signature>> rest = new ArrayList<>();
    for (NamedFactory<Signature> f : defaults) {
      String name = f.getName();
      boolean known = preferred.stream().anyMatch(t -> name.equals(t) || name.equals(t + CERT_SUFFIX));
      (known ? first : rest).add(f);
    }
    first.addAll(rest);
    return first;
  }
}
