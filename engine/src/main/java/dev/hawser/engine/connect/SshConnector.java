package dev.hawser.engine.connect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;

/**
 * Opens ssh connections for the executor. Owns one MINA {@link SshClient} shared by every host (started
 * on first use); {@link #open} is thread-safe and meant to be called for many hosts in parallel.
 */
public final class SshConnector implements AutoCloseable {
  private final SshOptions options;
  private final SshTargetResolver resolver;
  private final IdentityLoader identities;
  private SshClient client;
  private boolean closed;

  public SshConnector(SshOptions options) {
    this.options = options;
    this.resolver = new SshTargetResolver(options);
    this.identities = new IdentityLoader(options.env(), options.prompt());
  }

  /** Connects and authenticates; every failure is an {@link UnreachableException} with a one-line message. */
  public Connection open(ConnectionSpec spec) throws UnreachableException {
    SshTarget target = resolver.resolve(spec);
    List<KeyPair> keys = identities.load(target.identityFiles(), target.keyPassphrase(), target.identitiesRequired());
    if (target.proxyJump() == null) {
      checkResolvable(target.hostName());
    }
    ConnectAttempt attempt = new ConnectAttempt(
        target.hostKeyPolicy(), new ConnectAttempt.Hop(target.hostName(), target.port()));
    Duration timeout = target.connectTimeout();
    ClientSession session = null;
    try {
      HostConfigEntry entry =
          new HostConfigEntry(target.alias(), target.hostName(), target.port(), target.user(), target.proxyJump());
      ConnectFuture connecting =
          client().connect(entry, AttributeRepository.ofKeyValuePair(ConnectAttempt.KEY, attempt), null);
      if (!connecting.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        connecting.cancel();
        throw new UnreachableException(ConnectErrors.timedOut(timeout, target));
      }
      if (connecting.getException() != null) {
        throw failure(connecting.getException(), attempt, target, keys, false);
      }
      session = connecting.getSession();
      for (KeyPair key : keys) {
        session.addPublicKeyIdentity(key);
      }
      if (target.password() != null) {
        session.addPasswordIdentity(target.password());
      }
      AuthFuture auth = session.auth();
      if (!auth.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new UnreachableException(ConnectErrors.timedOut(timeout, target));
      }
      if (!auth.isSuccess()) {
        Throwable why = auth.getException() != null ? auth.getException() : new IOException("authentication failed");
        throw failure(why, attempt, target, keys, session.isOpen() || mentionsAuthentication(why));
      }
      return new SshConnection(session, target.user(), target.hostName(), target.port());
    } catch (IOException | RuntimeException e) {
      throw failure(e, attempt, target, keys, false);
    } finally {
      if (session != null && !session.isAuthenticated()) {
        session.close(true);
      }
    }
  }

  private UnreachableException failure(
      Throwable e, ConnectAttempt attempt, SshTarget target, List<KeyPair> keys, boolean rejectedCredentials) {
    if (attempt.hostKeyError() != null) {
      return new UnreachableException(attempt.hostKeyError());
    }
    if (rejectedCredentials) {
      return new UnreachableException(
          "authentication failed for " + target.display() + " (tried " + triedMethods(target, keys) + ")");
    }
    return new UnreachableException(ConnectErrors.describe(e, target), e);
  }

  private static boolean mentionsAuthentication(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.toLowerCase(Locale.ROOT).contains("authentication")) {
        return true;
      }
    }
    return false;
  }

  private String triedMethods(SshTarget target, List<KeyPair> keys) {
    List<String> tried = new ArrayList<>();
    if (!keys.isEmpty() || options.env().get(SshOptions.AUTH_SOCK_ENV) != null) {
      tried.add("publickey");
    }
    if (target.password() != null) {
      tried.add("password");
    }
    return tried.isEmpty() ? "no key or password available" : String.join(", ", tried);
  }

  private static void checkResolvable(String host) throws UnreachableException {
    try {
      InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new UnreachableException("could not resolve host " + host);
    }
  }

  private synchronized SshClient client() {
    if (closed) {
      throw new IllegalStateException("the ssh connector is closed");
    }
    if (client == null) {
      client = SshClientFactory.create(options, resolver);
      client.start();
    }
    return client;
  }

  /** Closes every connection opened here and stops the client. */
  @Override
  public synchronized void close() {
    closed = true;
    if (client != null) {
      client.stop();
      client = null;
    }
  }
}
