package dev.hawser.engine.connect;

import dev.hawser.engine.connect.ConnectionSpec.HostKeyChecking;
import java.io.IOException;
import java.security.PublicKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.common.config.keys.KeyUtils;

/** Decides whether a server's host key is acceptable under STRICT, ACCEPT_NEW or OFF checking. */
final class HostKeyPolicy {
  private final KnownHostsFile knownHosts;
  private final HostKeyChecking mode;

  HostKeyPolicy(KnownHostsFile knownHosts, HostKeyChecking mode) {
    this.knownHosts = knownHosts;
    this.mode = mode;
  }

  HostKeyChecking mode() {
    return mode;
  }

  /** Returns null if {@code key} is accepted for host:port, else the one-line reason it is not. */
  String check(String host, int port, PublicKey key) {
    if (mode == HostKeyChecking.OFF) {
      return null;
    }
    String display = display(host, port);
    String file = knownHosts.path().toString();
    List<KnownHostsFile.Known> known;
    try {
      known = knownHosts.entriesFor(host, port);
    } catch (IOException e) {
      return "cannot read " + file + ": " + e.getMessage();
    }
    String describe = KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
    for (KnownHostsFile.Known k : known) {
      if (k.revoked() && KeyUtils.compareKeys(k.key(), key)) {
        return "host key for " + display + " (" + describe + ") is marked @revoked in " + file + ":" + k.line();
      }
    }
    for (KnownHostsFile.Known k : known) {
      if (!k.revoked() && KeyUtils.compareKeys(k.key(), key)) {
        return null;
      }
    }
    for (KnownHostsFile.Known k : known) {
      if (!k.revoked()) {
        // A different key (of this or another type) is on record: never trust a replacement silently.
        return "HOST KEY FOR " + display + " HAS CHANGED (" + file + ":" + k.line() + " has " + k.keyType()
            + "); possible man-in-the-middle; remove the old key with ssh-keygen -R " + display;
      }
    }
    if (mode == HostKeyChecking.ACCEPT_NEW) {
      try {
        knownHosts.append(host, port, key);
        return null;
      } catch (IOException e) {
        return "cannot add the host key for " + display + " to " + file + ": " + e.getMessage();
      }
    }
    return "host key for " + display + " (" + describe + ") is not in " + file
        + "; add it (ssh-keyscan) or use --host-key-checking accept-new";
  }

  /** Key types on record for host:port (e.g. "ssh-ed25519"), in file order; empty if none or unreadable. */
  Set<String> knownKeyTypes(String host, int port) {
    Set<String> types = new LinkedHashSet<>();
    if (mode == HostKeyChecking.OFF) {
      return types;
    }
    try {
      for (KnownHostsFile.Known k : knownHosts.entriesFor(host, port)) {
        if (!k.revoked()) {
          types.add(k.keyType());
        }
      }
    } catch (IOException e) {
      // unreadable: the check itself will report it
    }
    return types;
  }

  static String display(String host, int port) {
    return port == 22 ? host : "[" + host + "]:" + port;
  }
}
