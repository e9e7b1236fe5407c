package dev.hawser.engine.connect;

import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;

/** Builds the one MINA client shared by all connections, with Hawser's algorithms, checks and hooks. */
final class SshClientFactory {
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  // AES-GCM/CTR use the JDK's hardware-accelerated AES; MINA's pure-Java chacha20 is much slower.
  private static final List<BuiltinCiphers> CIPHERS = List.of(
      BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm, BuiltinCiphers.aes128ctr,
      BuiltinCiphers.aes256ctr, BuiltinCiphers.cc20p1305_openssh);

  private SshClientFactory() {}

  static SshClient create(SshOptions options, SshTargetResolver resolver) {
    SshClient client = SshClient.setUpDefaultClient();
    CoreModuleProperties.TCP_NODELAY.set(client, true);
    CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, HEARTBEAT);
    CoreModuleProperties.HEARTBEAT_REQUEST.set(client, "keepalive@openssh.com");
    List<NamedFactory<Cipher>> ciphers = new ArrayList<>();
    for (BuiltinCiphers c : CIPHERS) {
      if (c.isSupported()) {
        ciphers.add(c);
      }
    }
    client.setCipherFactories(ciphers);
    // OpenSSH announces all its host keys after login (hostkeys-00@openssh.com); MINA's handler only
    // parses them, and validating the RSA key each time cost ~0.5 s CPU per 50 hosts (bench/).
    client.setGlobalRequestHandlers(List.of(org.apache.sshd.common.global.KeepAliveHandler.INSTANCE));
    // Identities and passwords are set per session; nothing global may leak between hosts.
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    client.setServerKeyVerifier(SshClientFactory::verifyServerKey);
    client.setHostConfigEntryResolver(
        (host, port, local, user, proxyJump, context) -> jumpEntry(resolver, host, port, user, context));
    IdentityLoader jumpKeys = new IdentityLoader(options.env(), options.prompt());
    client.setFilePasswordProvider((session, resource, retry) -> jumpKeys.passphraseFor(Path.of(resource.getName())));
    String agentSocket = options.env().get(SshOptions.AUTH_SOCK_ENV);
    if (agentSocket != null && !agentSocket.isBlank()) {
      client.setAgentFactory(new UnixSocketAgentFactory(Path.of(agentSocket)));
    }
    client.addSessionListener(new SessionListener() {
      @Override
      public void sessionCreated(Session session) {
        onSessionCreated(session);
      }
    });
    return client;
  }

  /** Ties each new session to its hop and orders host-key algorithms before KEXINIT is sent. */
  private static void onSessionCreated(Session session) {
    if (!(session instanceof ClientSession client)) {
      return;
    }
    AttributeRepository context = client.getConnectionContext();
    ConnectAttempt attempt = context == null ? null : context.getAttribute(ConnectAttempt.KEY);
    if (attempt == null) {
      return;
    }
    ConnectAttempt.Hop hop = attempt.nextSessionHop();
    client.setAttribute(ConnectAttempt.KEY, attempt);
    client.setAttribute(ConnectAttempt.HOP, hop);
    client.setSignatureFactories(HostKeyAlgorithms.preferKnown(
        client.getSignatureFactories(), attempt.policy().knownKeyTypes(hop.host(), hop.port())));
  }

  private static boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
    ConnectAttempt attempt = session.getAttribute(ConnectAttempt.KEY);
    ConnectAttempt.Hop hop = session.getAttribute(ConnectAttempt.HOP);
    if (attempt == null || hop == null) {
      return false; // not opened through SshConnector: refuse rather than trust blindly
    }
    String error = attempt.policy().check(hop.host(), hop.port(), key);
    if (error != null) {
      attempt.hostKeyRejected(error);
      return false;
    }
    return true;
  }

  /** A ProxyJump hop: its ~/.ssh/config settings, recorded in the attempt so its host key is checked. */
  private static HostConfigEntry jumpEntry(
      SshTargetResolver resolver, String host, int port, String user, AttributeRepository context) {
    SshTargetResolver.JumpHost jump = resolver.resolveJump(host, user, port);
    ConnectAttempt attempt = context == null ? null : context.getAttribute(ConnectAttempt.KEY);
    if (attempt != null) {
      attempt.addJump(new ConnectAttempt.Hop(jump.hostName(), jump.port()));
    }
    HostConfigEntry entry = new HostConfigEntry(jump.alias(), jump.hostName(), jump.port(), jump.user());
    for (Path key : jump.identityFiles()) {
      if (Files.isRegularFile(key)) {
        entry.addIdentity(key);
      }
    }
    return entry;
  }
}
