package dev.hawser.engine.connect;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * A client for ssh-agent over SSH_AUTH_SOCK using a JDK Unix-domain socket, so no native library is
 * needed (MINA's own unix agent client requires Tomcat APR). MINA's proxy builds and parses the agent
 * messages; this class only moves the framed bytes.
 */
final class UnixSocketAgent extends AbstractAgentProxy {
  private static final int MAX_MESSAGE = 256 * 1024;

  private final Path socket;
  private SocketChannel channel;
  private boolean closed;

  UnixSocketAgent(Path socket) {
    super(null);
    this.socket = socket;
  }

  /** An unreachable agent offers no keys instead of failing the whole authentication. */
  @Override
  public Iterable<? extends Map.Entry<PublicKey, String>> getIdentities() throws IOException {
    try {
      return super.getIdentities();
    } catch (IOException e) {
      closeChannel();
      return List.of();
    }
  }

  @Override
  protected synchronized Buffer request(Buffer buffer) throws IOException {
    if (closed) {
      throw new IOException("agent connection closed");
    }
    if (channel == null) {
      channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    }
    ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
    while (out.hasRemaining()) {
      channel.write(out);
    }
    ByteBuffer header = readFully(4);
    int length = header.getInt();
    if (length < 0 || length > MAX_MESSAGE) {
      throw new IOException("bad agent reply length " + length);
    }
    return new ByteArrayBuffer(readFully(length).array());
  }

  private ByteBuffer readFully(int n) throws IOException {
    ByteBuffer in = ByteBuffer.allocate(n);
    while (in.hasRemaining()) {
      if (channel.read(in) < 0) {
        throw new EOFException("agent closed the connection");
      }
    }
    in.flip();
    return in;
  }

  @Override
  public synchronized boolean isOpen() {
    return !closed;
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    closeChannel();
    super.close();
  }

  private synchronized void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // already gone
      }
      channel = null;
    }
  }
}
