package dev.hawser.engine.connect;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.AbstractMap;
import java.util.Map;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.agent.common.AbstractAgentClient;
import org.apache.sshd.agent.local.AgentImpl;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/** An ssh-agent on a Unix socket, speaking the real protocol via MINA's in-memory agent. */
final class FakeSshAgent implements AutoCloseable {
  final Path socket;
  final AtomicInteger requests = new AtomicInteger();
  private final AgentImpl agent = new SigningAgent();
  private final ServerSocketChannel server;
  private final Thread acceptor;

  FakeSshAgent(Path socket, KeyPair key) throws IOException {
    this.socket = socket;
    agent.addIdentity(key, "test key");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    acceptor = new Thread(this::acceptLoop, "fake-agent");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void acceptLoop() {
    while (server.isOpen()) {
      try {
        SocketChannel client = server.accept();
        Thread t = new Thread(() -> serve(client), "fake-agent-client");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(SocketChannel client) {
    AbstractAgentClient protocol = new AbstractAgentClient(agent) {
      @Override
      protected void reply(Buffer buf) throws IOException {
        requests.incrementAndGet();
        ByteBuffer out = ByteBuffer.wrap(buf.array(), buf.rpos(), buf.available());
        while (out.hasRemaining()) {
          client.write(out);
        }
      }
    };
    try (client) {
      ByteBuffer in = ByteBuffer.allocate(8192);
      while (client.read(in) >= 0) {
        in.flip();
        protocol.messageReceived(new ByteArrayBuffer(in.array(), 0, in.limit()));
        in.clear();
      }
    } catch (IOException e) {
      // client went away
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  /** MINA's AgentImpl signs only inside a session; a standalone agent has none, so sign directly. */
  private static final class SigningAgent extends AgentImpl {
    @Override
    public Map.Entry<String, byte[]> sign(SessionContext session, PublicKey key, String algo, byte[] data)
        throws IOException {
      KeyPair pair = resolveLocalIdentity(key);
      if (pair == null) {
        throw new IOException("unknown key");
      }
      try {
        Signature signer = BuiltinSignatures.fromFactoryName(algo).create();
        signer.initSigner(null, pair.getPrivate());
        signer.update(null, data);
        return new AbstractMap.SimpleImmutableEntry<>(algo, signer.sign(null));
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }
}
