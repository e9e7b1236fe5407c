package dev.hawser.engine.connect;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.AttributeRepository.AttributeKey;

/**
 * State shared by the sessions of one {@link SshConnector#open} call (the ProxyJump hops, then the
 * target). MINA creates those sessions strictly in order, first jump first, so the n-th session created
 * under this attempt is the n-th hop; that tells the host-key checks which name to look up.
 */
final class ConnectAttempt {
  static final AttributeKey<ConnectAttempt> KEY = new AttributeKey<>();
  static final AttributeKey<Hop> HOP = new AttributeKey<>();

  /** A host as known_hosts names it. */
  record Hop(String host, int port) {}

  private final HostKeyPolicy policy;
  private final Hop target;
  private final List<Hop> jumps = new CopyOnWriteArrayList<>();
  private final AtomicInteger sessionsCreated = new AtomicInteger();
  private final AtomicReference<String> hostKeyError = new AtomicReference<>();

  ConnectAttempt(HostKeyPolicy policy, Hop target) {
    this.policy = policy;
    this.target = target;
  }

  HostKeyPolicy policy() {
    return policy;
  }

  /** Called while MINA resolves the ProxyJump list, before any session exists. */
  void addJump(Hop hop) {
    jumps.add(hop);
  }

  Hop nextSessionHop() {
    int i = sessionsCreated.getAndIncrement();
    return i < jumps.size() ? jumps.get(i) : target;
  }

  void hostKeyRejected(String message) {
    hostKeyError.compareAndSet(null, message);
  }

  /** The first host-key rejection of this attempt, or null. */
  String hostKeyError() {
    return hostKeyError.get();
  }
}
